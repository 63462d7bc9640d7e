/// A labelled point.
#[derive(
    wasmtime::component::ComponentType,
    wasmtime::component::Lift,
    wasmtime::component::Lower,
    Debug,
    Clone,
    PartialEq
)]
#[component(record)]
pub struct Point {
    #[component(name = "x")]
    pub x: i32,
    #[component(name = "y")]
    pub y: i32,
    #[component(name = "label")]
    pub label: ::std::string::String,
}
const _: () = {
    assert!(
        < Point as wasmtime::component::ComponentType >::SIZE32 == 16,
        "wasmtime's size of `Point` differs from the canonical ABI's 16"
    );
    assert!(
        < Point as wasmtime::component::ComponentType >::ALIGN32 == 4,
        "wasmtime's alignment of `Point` differs from the canonical ABI's 4"
    );
};
impl Basics {
    /// Adds every import this world needs (except those mapped with `with`, which their own
    /// bindings add) to `linker`, served by the value `get` returns from the store's data.
    pub fn add_to_linker<T: 'static, H: 'static + knit::basics::host::Host>(
        linker: &mut wasmtime::component::Linker<T>,
        get: fn(&mut T) -> &mut H,
    ) -> wasmtime::Result<()> {
        let _ = (&linker, get);
        knit::basics::host::add_to_linker(linker, get)?;
        ::core::result::Result::Ok(())
    }
}
/// Export indices of world `Basics`, found and type-checked once per component.
#[derive(::core::clone::Clone)]
pub struct BasicsIndices {
    greet: wasmtime::component::ComponentExportIndex,
    sum_points: wasmtime::component::ComponentExportIndex,
    checked_div: wasmtime::component::ComponentExportIndex,
    call_host: wasmtime::component::ComponentExportIndex,
}
impl BasicsIndices {
    /// Finds and type-checks every export the world needs.
    pub fn new<_T: 'static>(
        instance_pre: &wasmtime::component::InstancePre<_T>,
    ) -> wasmtime::Result<Self> {
        let component = instance_pre.component();
        let instance_type = instance_pre.instance_type();
        let _ = (&component, &instance_type);
        let greet = {
            let (item, index) = component
                .get_export(::core::option::Option::None, "greet")
                .ok_or_else(|| {
                    wasmtime::format_err!("the component has no export `greet`")
                })?;
            match item {
                wasmtime::component::types::ComponentItem::ComponentFunc(func) => {
                    wasmtime::error::Context::context(
                        func
                            .typecheck::<
                                (&'static str,),
                                (::std::string::String,),
                            >(&instance_type),
                        "type-checking export `greet`",
                    )?;
                    index
                }
                _ => wasmtime::bail!("export `greet` is not a function"),
            }
        };
        let sum_points = {
            let (item, index) = component
                .get_export(::core::option::Option::None, "sum-points")
                .ok_or_else(|| {
                    wasmtime::format_err!("the component has no export `sum-points`")
                })?;
            match item {
                wasmtime::component::types::ComponentItem::ComponentFunc(func) => {
                    wasmtime::error::Context::context(
                        func.typecheck::<(&'static [Point],), (Point,)>(&instance_type),
                        "type-checking export `sum-points`",
                    )?;
                    index
                }
                _ => wasmtime::bail!("export `sum-points` is not a function"),
            }
        };
        let checked_div = {
            let (item, index) = component
                .get_export(::core::option::Option::None, "checked-div")
                .ok_or_else(|| {
                    wasmtime::format_err!("the component has no export `checked-div`")
                })?;
            match item {
                wasmtime::component::types::ComponentItem::ComponentFunc(func) => {
                    wasmtime::error::Context::context(
                        func
                            .typecheck::<
                                (u32, u32),
                                (::core::result::Result<u32, ::std::string::String>,),
                            >(&instance_type),
                        "type-checking export `checked-div`",
                    )?;
                    index
                }
                _ => wasmtime::bail!("export `checked-div` is not a function"),
            }
        };
        let call_host = {
            let (item, index) = component
                .get_export(::core::option::Option::None, "call-host")
                .ok_or_else(|| {
                    wasmtime::format_err!("the component has no export `call-host`")
                })?;
            match item {
                wasmtime::component::types::ComponentItem::ComponentFunc(func) => {
                    wasmtime::error::Context::context(
                        func.typecheck::<(u32,), (u32,)>(&instance_type),
                        "type-checking export `call-host`",
                    )?;
                    index
                }
                _ => wasmtime::bail!("export `call-host` is not a function"),
            }
        };
        ::core::result::Result::Ok(BasicsIndices {
            greet,
            sum_points,
            checked_div,
            call_host,
        })
    }
    /// The world's exports in `instance`.
    pub fn load(
        &self,
        mut store: impl wasmtime::AsContextMut,
        instance: &wasmtime::component::Instance,
    ) -> wasmtime::Result<Basics> {
        let mut store = store.as_context_mut();
        let _ = (&mut store, instance);
        let greet = instance
            .get_func(&mut store, &self.greet)
            .ok_or_else(|| wasmtime::format_err!("the instance has no export `greet`"))?;
        let sum_points = instance
            .get_func(&mut store, &self.sum_points)
            .ok_or_else(|| {
                wasmtime::format_err!("the instance has no export `sum-points`")
            })?;
        let checked_div = instance
            .get_func(&mut store, &self.checked_div)
            .ok_or_else(|| {
                wasmtime::format_err!("the instance has no export `checked-div`")
            })?;
        let call_host = instance
            .get_func(&mut store, &self.call_host)
            .ok_or_else(|| {
                wasmtime::format_err!("the instance has no export `call-host`")
            })?;
        ::core::result::Result::Ok(Basics {
            greet,
            sum_points,
            checked_div,
            call_host,
        })
    }
}
/// An instance of world `Basics`: call its exports through the methods.
pub struct Basics {
    greet: wasmtime::component::Func,
    sum_points: wasmtime::component::Func,
    checked_div: wasmtime::component::Func,
    call_host: wasmtime::component::Func,
}
/// World `Basics` pre-instantiated: exports are type-checked once, then every
/// `instantiate` is cheap (one `Store` per request is the usual pattern).
pub struct BasicsPre<T: 'static> {
    instance_pre: wasmtime::component::InstancePre<T>,
    indices: BasicsIndices,
}
impl<T: 'static> ::core::clone::Clone for BasicsPre<T> {
    fn clone(&self) -> Self {
        Self {
            instance_pre: self.instance_pre.clone(),
            indices: self.indices.clone(),
        }
    }
}
impl<T: 'static> BasicsPre<T> {
    /// Type-checks the exports of `instance_pre`'s component.
    pub fn new(
        instance_pre: wasmtime::component::InstancePre<T>,
    ) -> wasmtime::Result<Self> {
        let indices = BasicsIndices::new(&instance_pre)?;
        ::core::result::Result::Ok(Self { instance_pre, indices })
    }
    /// The engine the component was compiled for.
    pub fn engine(&self) -> &wasmtime::Engine {
        self.instance_pre.engine()
    }
    /// The underlying `InstancePre`.
    pub fn instance_pre(&self) -> &wasmtime::component::InstancePre<T> {
        &self.instance_pre
    }
    /// Instantiates the component in `store`.
    pub fn instantiate(
        &self,
        mut store: impl wasmtime::AsContextMut<Data = T>,
    ) -> wasmtime::Result<Basics> {
        let mut store = store.as_context_mut();
        let instance = self.instance_pre.instantiate(&mut store)?;
        self.indices.load(&mut store, &instance)
    }
    /// Instantiates the component in `store` with wasmtime's async support.
    pub async fn instantiate_async(
        &self,
        mut store: impl wasmtime::AsContextMut<Data = T>,
    ) -> wasmtime::Result<Basics>
    where
        T: ::core::marker::Send,
    {
        let mut store = store.as_context_mut();
        let instance = self.instance_pre.instantiate_async(&mut store).await?;
        self.indices.load(&mut store, &instance)
    }
}
impl Basics {
    /// Type-checks and instantiates `component` with the imports in `linker`.
    pub fn instantiate<T: 'static>(
        store: impl wasmtime::AsContextMut<Data = T>,
        component: &wasmtime::component::Component,
        linker: &wasmtime::component::Linker<T>,
    ) -> wasmtime::Result<Basics> {
        BasicsPre::new(linker.instantiate_pre(component)?)?.instantiate(store)
    }
    /// Like `instantiate`, with wasmtime's async support.
    pub async fn instantiate_async<T: ::core::marker::Send + 'static>(
        store: impl wasmtime::AsContextMut<Data = T>,
        component: &wasmtime::component::Component,
        linker: &wasmtime::component::Linker<T>,
    ) -> wasmtime::Result<Basics> {
        BasicsPre::new(linker.instantiate_pre(component)?)?
            .instantiate_async(store)
            .await
    }
    /// The world's exports in an existing `instance`.
    pub fn new(
        mut store: impl wasmtime::AsContextMut,
        instance: &wasmtime::component::Instance,
    ) -> wasmtime::Result<Basics> {
        let indices = BasicsIndices::new(&instance.instance_pre(&store))?;
        indices.load(&mut store, instance)
    }
    /// Returns a greeting for `name`.
    /// Calls the guest's `greet`; an `Err` is a trap.
    pub fn call_greet<S: wasmtime::AsContextMut>(
        &self,
        mut store: S,
        name: &str,
    ) -> wasmtime::Result<::std::string::String> {
        let callee = unsafe {
            wasmtime::component::TypedFunc::<
                (&str,),
                (::std::string::String,),
            >::new_unchecked(self.greet)
        };
        let (ret,) = callee.call(store.as_context_mut(), (name,))?;
        ::core::result::Result::Ok(ret)
    }
    /// Adds up the points; the label lists every input label joined by `+`.
    /// Calls the guest's `sum-points`; an `Err` is a trap.
    pub fn call_sum_points<S: wasmtime::AsContextMut>(
        &self,
        mut store: S,
        points: &[Point],
    ) -> wasmtime::Result<Point> {
        let callee = unsafe {
            wasmtime::component::TypedFunc::<
                (&[Point],),
                (Point,),
            >::new_unchecked(self.sum_points)
        };
        let (ret,) = callee.call(store.as_context_mut(), (points,))?;
        ::core::result::Result::Ok(ret)
    }
    /// Divides, or explains why it cannot.
    /// Calls the guest's `checked-div`; an `Err` is a trap.
    pub fn call_checked_div<S: wasmtime::AsContextMut>(
        &self,
        mut store: S,
        a: u32,
        b: u32,
    ) -> wasmtime::Result<::core::result::Result<u32, ::std::string::String>> {
        let callee = unsafe {
            wasmtime::component::TypedFunc::<
                (u32, u32),
                (::core::result::Result<u32, ::std::string::String>,),
            >::new_unchecked(self.checked_div)
        };
        let (ret,) = callee.call(store.as_context_mut(), (a, b))?;
        ::core::result::Result::Ok(ret)
    }
    /// Logs through the host, then returns `add-one(x) * 2`.
    /// Calls the guest's `call-host`; an `Err` is a trap.
    pub fn call_call_host<S: wasmtime::AsContextMut>(
        &self,
        mut store: S,
        x: u32,
    ) -> wasmtime::Result<u32> {
        let callee = unsafe {
            wasmtime::component::TypedFunc::<
                (u32,),
                (u32,),
            >::new_unchecked(self.call_host)
        };
        let (ret,) = callee.call(store.as_context_mut(), (x,))?;
        ::core::result::Result::Ok(ret)
    }
}
#[allow(
    unused_imports,
    unused_variables,
    unused_mut,
    dead_code,
    non_camel_case_types,
    clippy::all
)]
pub mod knit {
    #[allow(
        unused_imports,
        unused_variables,
        unused_mut,
        dead_code,
        non_camel_case_types,
        clippy::all
    )]
    pub mod basics {
        #[allow(
            unused_imports,
            unused_variables,
            unused_mut,
            dead_code,
            non_camel_case_types,
            clippy::all
        )]
        pub mod host {
            /// Functions the host provides to the guest.
            /// Implemented by the host to serve the guest's imports of `knit:basics/host`.
            pub trait Host {
                /// Records a message on the host.
                fn log(&mut self, msg: ::std::string::String) -> ();
                /// Returns `x + 1`.
                fn add_one(&mut self, x: u32) -> u32;
            }
            /// Adds these imports to `linker`, served by the value `get` returns from the store's data.
            pub fn add_to_linker<T: 'static, H: Host + 'static>(
                linker: &mut wasmtime::component::Linker<T>,
                get: fn(&mut T) -> &mut H,
            ) -> wasmtime::Result<()> {
                let mut instance = linker.instance("knit:basics/host")?;
                instance
                    .func_wrap(
                        "log",
                        move |
                            mut store: wasmtime::StoreContextMut<'_, T>,
                            (arg0,): (::std::string::String,),
                        | -> wasmtime::Result<()> {
                            let host = get(store.data_mut());
                            let value = Host::log(host, arg0);
                            {
                                let () = value;
                                ::core::result::Result::Ok(())
                            }
                        },
                    )?;
                instance
                    .func_wrap(
                        "add-one",
                        move |
                            mut store: wasmtime::StoreContextMut<'_, T>,
                            (arg0,): (u32,),
                        | -> wasmtime::Result<(u32,)> {
                            let host = get(store.data_mut());
                            let value = Host::add_one(host, arg0);
                            ::core::result::Result::Ok((value,))
                        },
                    )?;
                ::core::result::Result::Ok(())
            }
        }
    }
}
