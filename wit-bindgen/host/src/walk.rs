//! The host generator as a [`Backend`] of the core's world walk: imported scopes become `Host`
//! traits and `add_to_linker` functions, exported scopes become `Guest` structs and `call_*`
//! methods, and the world's structs are written once the walk is done.

use crate::generator::Gen;
use anyhow::Result;
use knit_bindgen_core::walk::{Backend, Scope, Side};
use wit_parser::{Function, TypeId};

impl<'a> Backend<'a> for Gen<'a> {
    fn define_type(&mut self, scope: Scope<'a>, id: TypeId) -> Result<()> {
        // An interface's types are defined with its traits or structs, at the end of the scope;
        // the world's own are collected here.
        if let Scope::World(_) = scope {
            self.world_types.push(id);
        }
        Ok(())
    }

    fn import_function(&mut self, scope: Scope<'a>, func: &'a Function) -> Result<()> {
        if let Scope::World(_) = scope {
            self.world_functions.push(func);
        }
        Ok(())
    }

    fn export_functions(
        &mut self,
        scope: Scope<'a>,
        funcs: &[&'a Function],
        _resources: &[TypeId],
    ) -> Result<()> {
        match scope {
            Scope::World(_) => {
                for func in funcs {
                    self.export_world_function(func)?;
                }
                Ok(())
            }
            Scope::Interface(site) => self.export_interface_scope(site.key, site.id),
        }
    }

    fn end(&mut self, scope: Scope<'a>) -> Result<()> {
        match scope {
            Scope::World(Side::Import) => {
                let types = std::mem::take(&mut self.world_types);
                let functions = std::mem::take(&mut self.world_functions);
                self.import_world(&types, functions)
            }
            Scope::Interface(site) if site.side == Side::Import => {
                self.import_interface(site.key, site.id)
            }
            _ => Ok(()),
        }
    }
}
