pub type FsError = knit::errors::types::FsError;
impl Errors {
    /// Adds every import this world needs (except those mapped with `with`, which their own
    /// bindings add) to `linker`, served by the value `get` returns from the store's data.
    pub fn add_to_linker<T: 'static, H: 'static + knit::errors::host::Host>(
        linker: &mut wasmtime::component::Linker<T>,
        get: fn(&mut T) -> &mut H,
    ) -> wasmtime::Result<()> {
        let _ = (&linker, get);
        knit::errors::host::add_to_linker(linker, get)?;
        ::core::result::Result::Ok(())
    }
}
/// Export indices of world `Errors`, found and type-checked once per component.
#[derive(::core::clone::Clone)]
pub struct ErrorsIndices {
    read_len: wasmtime::component::ComponentExportIndex,
    validate: wasmtime::component::ComponentExportIndex,
    check_imports: wasmtime::component::ComponentExportIndex,
}
impl ErrorsIndices {
    /// Finds and type-checks every export the world needs.
    pub fn new<_T: 'static>(
        instance_pre: &wasmtime::component::InstancePre<_T>,
    ) -> wasmtime::Result<Self> {
        let component = instance_pre.component();
        let instance_type = instance_pre.instance_type();
        let _ = (&component, &instance_type);
        let read_len = {
            let (item, index) = component
                .get_export(::core::option::Option::None, "read-len")
                .ok_or_else(|| {
                    wasmtime::format_err!("the component has no export `read-len`")
                })?;
            match item {
                wasmtime::component::types::ComponentItem::ComponentFunc(func) => {
                    wasmtime::error::Context::context(
                        func
                            .typecheck::<
                                (&'static str,),
                                (::core::result::Result<u32, FsError>,),
                            >(&instance_type),
                        "type-checking export `read-len`",
                    )?;
                    index
                }
                _ => wasmtime::bail!("export `read-len` is not a function"),
            }
        };
        let validate = {
            let (item, index) = component
                .get_export(::core::option::Option::None, "validate")
                .ok_or_else(|| {
                    wasmtime::format_err!("the component has no export `validate`")
                })?;
            match item {
                wasmtime::component::types::ComponentItem::ComponentFunc(func) => {
                    wasmtime::error::Context::context(
                        func
                            .typecheck::<
                                (&'static str,),
                                (::core::result::Result<::std::string::String, FsError>,),
                            >(&instance_type),
                        "type-checking export `validate`",
                    )?;
                    index
                }
                _ => wasmtime::bail!("export `validate` is not a function"),
            }
        };
        let check_imports = {
            let (item, index) = component
                .get_export(::core::option::Option::None, "check-imports")
                .ok_or_else(|| {
                    wasmtime::format_err!("the component has no export `check-imports`")
                })?;
            match item {
                wasmtime::component::types::ComponentItem::ComponentFunc(func) => {
                    wasmtime::error::Context::context(
                        func
                            .typecheck::<
                                (),
                                (::core::result::Result<(), ::std::string::String>,),
                            >(&instance_type),
                        "type-checking export `check-imports`",
                    )?;
                    index
                }
                _ => wasmtime::bail!("export `check-imports` is not a function"),
            }
        };
        ::core::result::Result::Ok(ErrorsIndices {
            read_len,
            validate,
            check_imports,
        })
    }
    /// The world's exports in `instance`.
    pub fn load(
        &self,
        mut store: impl wasmtime::AsContextMut,
        instance: &wasmtime::component::Instance,
    ) -> wasmtime::Result<Errors> {
        let mut store = store.as_context_mut();
        let _ = (&mut store, instance);
        let read_len = instance
            .get_func(&mut store, &self.read_len)
            .ok_or_else(|| {
                wasmtime::format_err!("the instance has no export `read-len`")
            })?;
        let validate = instance
            .get_func(&mut store, &self.validate)
            .ok_or_else(|| {
                wasmtime::format_err!("the instance has no export `validate`")
            })?;
        let check_imports = instance
            .get_func(&mut store, &self.check_imports)
            .ok_or_else(|| {
                wasmtime::format_err!("the instance has no export `check-imports`")
            })?;
        ::core::result::Result::Ok(Errors {
            read_len,
            validate,
            check_imports,
        })
    }
}
/// An instance of world `Errors`: call its exports through the methods.
pub struct Errors {
    read_len: wasmtime::component::Func,
    validate: wasmtime::component::Func,
    check_imports: wasmtime::component::Func,
}
/// World `Errors` pre-instantiated: exports are type-checked once, then every
/// `instantiate` is cheap (one `Store` per request is the usual pattern).
pub struct ErrorsPre<T: 'static> {
    instance_pre: wasmtime::component::InstancePre<T>,
    indices: ErrorsIndices,
}
impl<T: 'static> ::core::clone::Clone for ErrorsPre<T> {
    fn clone(&self) -> Self {
        Self {
            instance_pre: self.instance_pre.clone(),
            indices: self.indices.clone(),
        }
    }
}
impl<T: 'static> ErrorsPre<T> {
    /// Type-checks the exports of `instance_pre`'s component.
    pub fn new(
        instance_pre: wasmtime::component::InstancePre<T>,
    ) -> wasmtime::Result<Self> {
        let indices = ErrorsIndices::new(&instance_pre)?;
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
    ) -> wasmtime::Result<Errors> {
        let mut store = store.as_context_mut();
        let instance = self.instance_pre.instantiate(&mut store)?;
        self.indices.load(&mut store, &instance)
    }
    /// Instantiates the component in `store` with wasmtime's async support.
    pub async fn instantiate_async(
        &self,
        mut store: impl wasmtime::AsContextMut<Data = T>,
    ) -> wasmtime::Result<Errors>
    where
        T: ::core::marker::Send,
    {
        let mut store = store.as_context_mut();
        let instance = self.instance_pre.instantiate_async(&mut store).await?;
        self.indices.load(&mut store, &instance)
    }
}
impl Errors {
    /// Type-checks and instantiates `component` with the imports in `linker`.
    pub fn instantiate<T: 'static>(
        store: impl wasmtime::AsContextMut<Data = T>,
        component: &wasmtime::component::Component,
        linker: &wasmtime::component::Linker<T>,
    ) -> wasmtime::Result<Errors> {
        ErrorsPre::new(linker.instantiate_pre(component)?)?.instantiate(store)
    }
    /// Like `instantiate`, with wasmtime's async support.
    pub async fn instantiate_async<T: ::core::marker::Send + 'static>(
        store: impl wasmtime::AsContextMut<Data = T>,
        component: &wasmtime::component::Component,
        linker: &wasmtime::component::Linker<T>,
    ) -> wasmtime::Result<Errors> {
        ErrorsPre::new(linker.instantiate_pre(component)?)?
            .instantiate_async(store)
            .await
    }
    /// The world's exports in an existing `instance`.
    pub fn new(
        mut store: impl wasmtime::AsContextMut,
        instance: &wasmtime::component::Instance,
    ) -> wasmtime::Result<Errors> {
        let indices = ErrorsIndices::new(&instance.instance_pre(&store))?;
        indices.load(&mut store, instance)
    }
    /// Reads `path` through the host and returns its length.
    /// Calls the guest's `read-len`; an `Err` is a trap.
    pub fn call_read_len<S: wasmtime::AsContextMut>(
        &self,
        mut store: S,
        path: &str,
    ) -> wasmtime::Result<::core::result::Result<u32, FsError>> {
        let callee = unsafe {
            wasmtime::component::TypedFunc::<
                (&str,),
                (::core::result::Result<u32, FsError>,),
            >::new_unchecked(self.read_len)
        };
        let (ret,) = callee.call(store.as_context_mut(), (path,))?;
        ::core::result::Result::Ok(ret)
    }
    /// Validates a name: empty → denied, longer than 8 → too-big(len), else ok.
    /// Calls the guest's `validate`; an `Err` is a trap.
    pub fn call_validate<S: wasmtime::AsContextMut>(
        &self,
        mut store: S,
        name: &str,
    ) -> wasmtime::Result<::core::result::Result<::std::string::String, FsError>> {
        let callee = unsafe {
            wasmtime::component::TypedFunc::<
                (&str,),
                (::core::result::Result<::std::string::String, FsError>,),
            >::new_unchecked(self.validate)
        };
        let (ret,) = callee.call(store.as_context_mut(), (name,))?;
        ::core::result::Result::Ok(ret)
    }
    /// Calls every host function on both its success and error paths.
    /// Calls the guest's `check-imports`; an `Err` is a trap.
    pub fn call_check_imports<S: wasmtime::AsContextMut>(
        &self,
        mut store: S,
    ) -> wasmtime::Result<::core::result::Result<(), ::std::string::String>> {
        let callee = unsafe {
            wasmtime::component::TypedFunc::<
                (),
                (::core::result::Result<(), ::std::string::String>,),
            >::new_unchecked(self.check_imports)
        };
        let (ret,) = callee.call(store.as_context_mut(), ())?;
        ::core::result::Result::Ok(ret)
    }
}
/// What a host function selected by `typed_errors` returns as its error: a value for the
/// guest, or a trap.
#[derive(Debug)]
pub enum TypedError<E> {
    /// Returned to the guest as `err(e)`.
    Error(E),
    /// Traps the guest.
    Trap(wasmtime::Error),
}
impl<E> ::core::convert::From<wasmtime::Error> for TypedError<E> {
    fn from(trap: wasmtime::Error) -> Self {
        TypedError::Trap(trap)
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
    pub mod errors {
        #[allow(
            unused_imports,
            unused_variables,
            unused_mut,
            dead_code,
            non_camel_case_types,
            clippy::all
        )]
        pub mod host {
            pub type FsError = super::super::super::knit::errors::types::FsError;
            /// What the host provides: fallible file operations.
            /// Implemented by the host to serve the guest's imports of `knit:errors/host`.
            pub trait Host {
                /// The contents of `path`.
                fn read(
                    &mut self,
                    path: ::std::string::String,
                ) -> ::core::result::Result<
                    ::std::string::String,
                    super::super::super::TypedError<FsError>,
                >;
                /// `n` if it is at most 1000.
                fn check_size(&mut self, n: u64) -> ::core::result::Result<u64, FsError>;
            }
            /// Adds these imports to `linker`, served by the value `get` returns from the store's data.
            pub fn add_to_linker<T: 'static, H: Host + 'static>(
                linker: &mut wasmtime::component::Linker<T>,
                get: fn(&mut T) -> &mut H,
            ) -> wasmtime::Result<()> {
                let mut instance = linker.instance("knit:errors/host")?;
                instance
                    .func_wrap(
                        "read",
                        move |
                            mut store: wasmtime::StoreContextMut<'_, T>,
                            (arg0,): (::std::string::String,),
                        | -> wasmtime::Result<
                            (::core::result::Result<::std::string::String, FsError>,),
                        > {
                            let host = get(store.data_mut());
                            let value = match Host::read(host, arg0) {
                                ::core::result::Result::Ok(v) => {
                                    ::core::result::Result::Ok(v)
                                }
                                ::core::result::Result::Err(
                                    super::super::super::TypedError::Error(e),
                                ) => ::core::result::Result::Err(e),
                                ::core::result::Result::Err(
                                    super::super::super::TypedError::Trap(trap),
                                ) => return ::core::result::Result::Err(trap),
                            };
                            ::core::result::Result::Ok((value,))
                        },
                    )?;
                instance
                    .func_wrap(
                        "check-size",
                        move |
                            mut store: wasmtime::StoreContextMut<'_, T>,
                            (arg0,): (u64,),
                        | -> wasmtime::Result<(::core::result::Result<u64, FsError>,)> {
                            let host = get(store.data_mut());
                            let value = Host::check_size(host, arg0);
                            ::core::result::Result::Ok((value,))
                        },
                    )?;
                ::core::result::Result::Ok(())
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
        pub mod types {
            /// Why a file operation failed.
            #[derive(
                wasmtime::component::ComponentType,
                wasmtime::component::Lift,
                wasmtime::component::Lower,
                Debug,
                Clone,
                PartialEq
            )]
            #[component(variant)]
            pub enum FsError {
                #[component(name = "not-found")]
                NotFound(::std::string::String),
                #[component(name = "denied")]
                Denied,
                #[component(name = "too-big")]
                TooBig(u64),
            }
            const _: () = {
                assert!(
                    < FsError as wasmtime::component::ComponentType >::SIZE32 == 16,
                    "wasmtime's size of `FsError` differs from the canonical ABI's 16"
                );
                assert!(
                    < FsError as wasmtime::component::ComponentType >::ALIGN32 == 8,
                    "wasmtime's alignment of `FsError` differs from the canonical ABI's 8"
                );
            };
        }
    }
}
