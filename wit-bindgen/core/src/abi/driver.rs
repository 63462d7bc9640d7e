//! Runs a plan through a language backend, checking the stack discipline as it goes.
//!
//! A backend implements [`Emitter`]: it turns one instruction at a time into code, given the
//! operands the instruction pops (as expressions of the target language) and the already rendered
//! nested blocks, and returns the expressions the instruction pushes. The driver owns the operand
//! stack and asserts that every backend pushes exactly what the instruction declares, so a backend
//! cannot silently drift from the plan.

use super::instr::{Block, Instr};

/// A language backend that renders plan instructions as code.
pub trait Emitter {
    /// A rendered nested block, as the backend wants it handed back in [`Emitter::emit`].
    type Block;

    /// Renders `instr`. `operands` are the popped values, bottom of the stack first; `blocks` are the
    /// instruction's nested blocks, rendered. Returns the values to push, exactly `instr.pushes()`.
    fn emit(
        &mut self,
        instr: &Instr,
        operands: Vec<String>,
        blocks: Vec<Self::Block>,
    ) -> Vec<String>;

    /// Opens a nested block that starts with `params` values; returns the expressions naming them.
    fn begin_block(&mut self, params: usize) -> Vec<String>;

    /// Closes the innermost open block, which leaves `results` on its stack.
    fn end_block(&mut self, results: Vec<String>) -> Self::Block;
}

/// Runs `body` (a plan's root block) through `emitter`.
///
/// # Panics
///
/// When the emitter pushes a different number of values than an instruction declares: that is a bug
/// in the backend, reported with the instruction.
pub fn run<E: Emitter>(body: &Block, emitter: &mut E) {
    let left = run_block(body, Vec::new(), emitter);
    assert!(
        left.is_empty(),
        "plan root ended with values on the stack: {left:?}"
    );
}

fn run_block<E: Emitter>(block: &Block, initial: Vec<String>, emitter: &mut E) -> Vec<String> {
    assert_eq!(
        initial.len(),
        block.params,
        "backend named the wrong number of block params"
    );
    let mut stack = initial;
    for instr in &block.instrs {
        let blocks = instr
            .blocks()
            .into_iter()
            .map(|nested| {
                let params = emitter.begin_block(nested.params);
                let results = run_block(nested, params, emitter);
                emitter.end_block(results)
            })
            .collect();
        let pops = instr.pops();
        assert!(
            stack.len() >= pops,
            "plan pops {pops} from a stack of {} at {instr:?}",
            stack.len()
        );
        let operands = stack.split_off(stack.len() - pops);
        let results = emitter.emit(instr, operands, blocks);
        assert_eq!(
            results.len(),
            instr.pushes(),
            "backend pushed {} values for {instr:?}, which pushes {}",
            results.len(),
            instr.pushes()
        );
        stack.extend(results);
    }
    assert_eq!(
        stack.len(),
        block.results,
        "block ended with the wrong number of values"
    );
    stack
}
