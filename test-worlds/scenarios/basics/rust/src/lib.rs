//! The `basics` scenario's Rust guest.

knit_rt::generate!({ path: "../test.wit" });

struct Component;

impl Guest for Component {
    fn greet(name: String) -> String {
        format!("hello, {name}!")
    }

    fn sum_points(points: Vec<Point>) -> Point {
        let labels: Vec<&str> = points.iter().map(|p| p.label.as_str()).collect();
        Point {
            x: points.iter().map(|p| p.x).sum(),
            y: points.iter().map(|p| p.y).sum(),
            label: labels.join("+"),
        }
    }

    fn checked_div(a: u32, b: u32) -> Result<u32, String> {
        a.checked_div(b)
            .ok_or_else(|| format!("cannot divide {a} by zero"))
    }

    fn call_host(x: u32) -> u32 {
        knit::basics::host::log(&format!("call-host({x})"));
        knit::basics::host::add_one(x) * 2
    }
}

export!(Component);
