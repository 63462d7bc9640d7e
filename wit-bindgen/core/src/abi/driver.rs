//! Runs a plan through a language backend, checking the stack discipline as it goes.
//!
//! A backend implements [`Emitter`]: it turns one instruction at a time into code, given the
//! operands the instruction pops (as expressions of the target language) and the already rendered
//! nested blocks, and returns the expressions the instruction pushes (or, through
//! [`Emitter::emit_on_stack`], pops and pushes them in place). The driver owns the operand stack and
//! asserts after every instruction that it holds exactly what the instruction's declared pops and
//! pushes leave, so a backend cannot silently drift from the plan.

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

    /// Renders `instr` in place on the operand stack: pops its operands off the top of `stack`
    /// and pushes its results, exactly `instr.pushes()` of them. The default hands
    /// [`Emitter::emit`] the operands as a vector of their own; a backend may override it to skip
    /// allocating one vector for the operands and another for the results of every instruction.
    fn emit_on_stack(&mut self, instr: &Instr, stack: &mut Vec<String>, blocks: Vec<Self::Block>) {
        let operands = stack.split_off(stack.len() - instr.pops());
        let results = self.emit(instr, operands, blocks);
        stack.extend(results);
    }
}

/// Runs `body` (a plan's root block) through `emitter`.
///
/// # Panics
///
/// When the emitter leaves a different number of values on the stack than an instruction's pops and
/// pushes declare: that is a bug in the backend, reported with the instruction.
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
            .nested()
            .iter()
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
        let below = stack.len() - pops;
        emitter.emit_on_stack(instr, &mut stack, blocks);
        assert!(
            stack.len() >= below && stack.len() - below == instr.pushes(),
            "backend left {} values for {instr:?}, which pops {pops} of {} and pushes {}",
            stack.len(),
            below + pops,
            instr.pushes()
        );
    }
    assert_eq!(
        stack.len(),
        block.results,
        "block ended with the wrong number of values"
    );
    stack
}
