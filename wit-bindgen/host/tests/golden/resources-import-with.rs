impl ResourcesImport {
    /// Adds every import this world needs (except those mapped with `with`, which their own
    /// bindings add) to `linker`, served by the value `get` returns from the store's data.
    pub fn add_to_linker<T: 'static, H: 'static + knit::resources_import::blobs::Host>(
        linker: &mut wasmtime::component::Linker<T>,
        get: fn(&mut T) -> &mut H,
    ) -> wasmtime::Result<()> {
        let _ = (&linker, get);
        knit::resources_import::blobs::add_to_linker(linker, get)?;
        ::core::result::Result::Ok(())
    }
}
/// Export indices of world `ResourcesImport`, found and type-checked once per component.
#[derive(::core::clone::Clone)]
pub struct ResourcesImportIndices {
    exercise: wasmtime::component::ComponentExportIndex,
    hold: wasmtime::component::ComponentExportIndex,
    release: wasmtime::component::ComponentExportIndex,
}
impl ResourcesImportIndices {
    /// Finds and type-checks every export the world needs.
    pub fn new<_T: 'static>(
        instance_pre: &wasmtime::component::InstancePre<_T>,
    ) -> wasmtime::Result<Self> {
        let component = instance_pre.component();
        let instance_type = instance_pre.instance_type();
        let _ = (&component, &instance_type);
        let exercise = {
            let (item, index) = component
                .get_export(::core::option::Option::None, "exercise")
                .ok_or_else(|| {
                    wasmtime::format_err!("the component has no export `exercise`")
                })?;
            match item {
                wasmtime::component::types::ComponentItem::ComponentFunc(func) => {
                    wasmtime::error::Context::context(
                        func
                            .typecheck::<
                                (),
                                (::core::result::Result<(), ::std::string::String>,),
                            >(&instance_type),
                        "type-checking export `exercise`",
                    )?;
                    index
                }
                _ => wasmtime::bail!("export `exercise` is not a function"),
            }
        };
        let hold = {
            let (item, index) = component
                .get_export(::core::option::Option::None, "hold")
                .ok_or_else(|| {
                    wasmtime::format_err!("the component has no export `hold`")
                })?;
            match item {
                wasmtime::component::types::ComponentItem::ComponentFunc(func) => {
                    wasmtime::error::Context::context(
                        func.typecheck::<(u32,), ()>(&instance_type),
                        "type-checking export `hold`",
                    )?;
                    index
                }
                _ => wasmtime::bail!("export `hold` is not a function"),
            }
        };
        let release = {
            let (item, index) = component
                .get_export(::core::option::Option::None, "release")
                .ok_or_else(|| {
                    wasmtime::format_err!("the component has no export `release`")
                })?;
            match item {
                wasmtime::component::types::ComponentItem::ComponentFunc(func) => {
                    wasmtime::error::Context::context(
                        func.typecheck::<(), ()>(&instance_type),
                        "type-checking export `release`",
                    )?;
                    index
                }
                _ => wasmtime::bail!("export `release` is not a function"),
            }
        };
        ::core::result::Result::Ok(ResourcesImportIndices {
            exercise,
            hold,
            release,
        })
    }
    /// The world's exports in `instance`.
    pub fn load(
        &self,
        mut store: impl wasmtime::AsContextMut,
        instance: &wasmtime::component::Instance,
    ) -> wasmtime::Result<ResourcesImport> {
        let mut store = store.as_context_mut();
        let _ = (&mut store, instance);
        let exercise = instance
            .get_func(&mut store, &self.exercise)
            .ok_or_else(|| {
                wasmtime::format_err!("the instance has no export `exercise`")
            })?;
        let hold = instance
            .get_func(&mut store, &self.hold)
            .ok_or_else(|| wasmtime::format_err!("the instance has no export `hold`"))?;
        let release = instance
            .get_func(&mut store, &self.release)
            .ok_or_else(|| {
                wasmtime::format_err!("the instance has no export `release`")
            })?;
        ::core::result::Result::Ok(ResourcesImport {
            exercise,
            hold,
            release,
        })
    }
}
/// An instance of world `ResourcesImport`: call its exports through the methods.
pub struct ResourcesImport {
    exercise: wasmtime::component::Func,
    hold: wasmtime::component::Func,
    release: wasmtime::component::Func,
}
/// World `ResourcesImport` pre-instantiated: exports are type-checked once, then every
/// `instantiate` is cheap (one `Store` per request is the usual pattern).
pub struct ResourcesImportPre<T: 'static> {
    instance_pre: wasmtime::component::InstancePre<T>,
    indices: ResourcesImportIndices,
}
impl<T: 'static> ::core::clone::Clone for ResourcesImportPre<T> {
    fn clone(&self) -> Self {
        Self {
            instance_pre: self.instance_pre.clone(),
            indices: self.indices.clone(),
        }
    }
}
impl<T: 'static> ResourcesImportPre<T> {
    /// Type-checks the exports of `instance_pre`'s component.
    pub fn new(
        instance_pre: wasmtime::component::InstancePre<T>,
    ) -> wasmtime::Result<Self> {
        let indices = ResourcesImportIndices::new(&instance_pre)?;
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
    ) -> wasmtime::Result<ResourcesImport> {
        let mut store = store.as_context_mut();
        let instance = self.instance_pre.instantiate(&mut store)?;
        self.indices.load(&mut store, &instance)
    }
    /// Instantiates the component in `store` with wasmtime's async support.
    pub async fn instantiate_async(
        &self,
        mut store: impl wasmtime::AsContextMut<Data = T>,
    ) -> wasmtime::Result<ResourcesImport>
    where
        T: ::core::marker::Send,
    {
        let mut store = store.as_context_mut();
        let instance = self.instance_pre.instantiate_async(&mut store).await?;
        self.indices.load(&mut store, &instance)
    }
}
impl ResourcesImport {
    /// Type-checks and instantiates `component` with the imports in `linker`.
    pub fn instantiate<T: 'static>(
        store: impl wasmtime::AsContextMut<Data = T>,
        component: &wasmtime::component::Component,
        linker: &wasmtime::component::Linker<T>,
    ) -> wasmtime::Result<ResourcesImport> {
        ResourcesImportPre::new(linker.instantiate_pre(component)?)?.instantiate(store)
    }
    /// Like `instantiate`, with wasmtime's async support.
    pub async fn instantiate_async<T: ::core::marker::Send + 'static>(
        store: impl wasmtime::AsContextMut<Data = T>,
        component: &wasmtime::component::Component,
        linker: &wasmtime::component::Linker<T>,
    ) -> wasmtime::Result<ResourcesImport> {
        ResourcesImportPre::new(linker.instantiate_pre(component)?)?
            .instantiate_async(store)
            .await
    }
    /// The world's exports in an existing `instance`.
    pub fn new(
        mut store: impl wasmtime::AsContextMut,
        instance: &wasmtime::component::Instance,
    ) -> wasmtime::Result<ResourcesImport> {
        let indices = ResourcesImportIndices::new(&instance.instance_pre(&store))?;
        indices.load(&mut store, instance)
    }
    /// Exercises the blob resource; returns what went wrong, if anything.
    /// Calls the guest's `exercise`; an `Err` is a trap.
    pub fn call_exercise<S: wasmtime::AsContextMut>(
        &self,
        mut store: S,
    ) -> wasmtime::Result<::core::result::Result<(), ::std::string::String>> {
        let callee = unsafe {
            wasmtime::component::TypedFunc::<
                (),
                (::core::result::Result<(), ::std::string::String>,),
            >::new_unchecked(self.exercise)
        };
        let (ret,) = callee.call(store.as_context_mut(), ())?;
        ::core::result::Result::Ok(ret)
    }
    /// Creates `n` blobs and keeps them alive in the guest until `release` is called.
    /// Calls the guest's `hold`; an `Err` is a trap.
    pub fn call_hold<S: wasmtime::AsContextMut>(
        &self,
        mut store: S,
        n: u32,
    ) -> wasmtime::Result<()> {
        let callee = unsafe {
            wasmtime::component::TypedFunc::<(u32,), ()>::new_unchecked(self.hold)
        };
        let () = callee.call(store.as_context_mut(), (n,))?;
        ::core::result::Result::Ok(())
    }
    /// Calls the guest's `release`; an `Err` is a trap.
    pub fn call_release<S: wasmtime::AsContextMut>(
        &self,
        mut store: S,
    ) -> wasmtime::Result<()> {
        let callee = unsafe {
            wasmtime::component::TypedFunc::<(), ()>::new_unchecked(self.release)
        };
        let () = callee.call(store.as_context_mut(), ())?;
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
pub mod knit {
    #[allow(
        unused_imports,
        unused_variables,
        unused_mut,
        dead_code,
        non_camel_case_types,
        clippy::all
    )]
    pub mod resources_import {
        #[allow(
            unused_imports,
            unused_variables,
            unused_mut,
            dead_code,
            non_camel_case_types,
            clippy::all
        )]
        pub mod blobs {
            pub type Blob = crate::MyBlob;
            /// The host's implementation of resource `blob`.
            pub trait HostBlob {
                /// A blob holding `init`.
                fn new(
                    &mut self,
                    init: ::std::vec::Vec<u8>,
                ) -> wasmtime::component::Resource<crate::MyBlob>;
                fn size(
                    &mut self,
                    self_: wasmtime::component::Resource<crate::MyBlob>,
                ) -> u32;
                /// Appends `more`.
                fn append(
                    &mut self,
                    self_: wasmtime::component::Resource<crate::MyBlob>,
                    more: ::std::vec::Vec<u8>,
                ) -> ();
                /// The bytes.
                fn read(
                    &mut self,
                    self_: wasmtime::component::Resource<crate::MyBlob>,
                ) -> ::std::vec::Vec<u8>;
                /// A blob holding the UTF-8 bytes of `s`.
                fn from_string(
                    &mut self,
                    s: ::std::string::String,
                ) -> wasmtime::component::Resource<crate::MyBlob>;
                /// Called when the guest drops its last handle to `blob` `rep`; an `Err` traps it.
                fn drop(
                    &mut self,
                    rep: wasmtime::component::Resource<Blob>,
                ) -> wasmtime::Result<()>;
            }
            /// A host-defined resource the guest creates, uses and drops.
            /// Implemented by the host to serve the guest's imports of `knit:resources-import/blobs`.
            pub trait Host: HostBlob {
                /// How many blobs the host holds.
                fn live(&mut self) -> u32;
            }
            /// Adds these imports to `linker`, served by the value `get` returns from the store's data.
            pub fn add_to_linker<T: 'static, H: Host + 'static>(
                linker: &mut wasmtime::component::Linker<T>,
                get: fn(&mut T) -> &mut H,
            ) -> wasmtime::Result<()> {
                let mut instance = linker.instance("knit:resources-import/blobs")?;
                instance
                    .func_wrap(
                        "[constructor]blob",
                        move |
                            mut store: wasmtime::StoreContextMut<'_, T>,
                            (arg0,): (::std::vec::Vec<u8>,),
                        | -> wasmtime::Result<
                            (wasmtime::component::Resource<crate::MyBlob>,),
                        > {
                            let host = get(store.data_mut());
                            let value = HostBlob::new(host, arg0);
                            ::core::result::Result::Ok((value,))
                        },
                    )?;
                instance
                    .func_wrap(
                        "[method]blob.size",
                        move |
                            mut store: wasmtime::StoreContextMut<'_, T>,
                            (arg0,): (wasmtime::component::Resource<crate::MyBlob>,),
                        | -> wasmtime::Result<(u32,)> {
                            let host = get(store.data_mut());
                            let value = HostBlob::size(host, arg0);
                            ::core::result::Result::Ok((value,))
                        },
                    )?;
                instance
                    .func_wrap(
                        "[method]blob.append",
                        move |
                            mut store: wasmtime::StoreContextMut<'_, T>,
                            (
                                arg0,
                                arg1,
                            ): (
                                wasmtime::component::Resource<crate::MyBlob>,
                                ::std::vec::Vec<u8>,
                            ),
                        | -> wasmtime::Result<()> {
                            let host = get(store.data_mut());
                            let value = HostBlob::append(host, arg0, arg1);
                            {
                                let () = value;
                                ::core::result::Result::Ok(())
                            }
                        },
                    )?;
                instance
                    .func_wrap(
                        "[method]blob.read",
                        move |
                            mut store: wasmtime::StoreContextMut<'_, T>,
                            (arg0,): (wasmtime::component::Resource<crate::MyBlob>,),
                        | -> wasmtime::Result<(::std::vec::Vec<u8>,)> {
                            let host = get(store.data_mut());
                            let value = HostBlob::read(host, arg0);
                            ::core::result::Result::Ok((value,))
                        },
                    )?;
                instance
                    .func_wrap(
                        "[static]blob.from-string",
                        move |
                            mut store: wasmtime::StoreContextMut<'_, T>,
                            (arg0,): (::std::string::String,),
                        | -> wasmtime::Result<
                            (wasmtime::component::Resource<crate::MyBlob>,),
                        > {
                            let host = get(store.data_mut());
                            let value = HostBlob::from_string(host, arg0);
                            ::core::result::Result::Ok((value,))
                        },
                    )?;
                instance
                    .resource(
                        "blob",
                        wasmtime::component::ResourceType::host::<Blob>(),
                        move |mut store, rep| {
                            HostBlob::drop(
                                get(store.data_mut()),
                                wasmtime::component::Resource::new_own(rep),
                            )
                        },
                    )?;
                instance
                    .func_wrap(
                        "live",
                        move |
                            mut store: wasmtime::StoreContextMut<'_, T>,
                            (): (),
                        | -> wasmtime::Result<(u32,)> {
                            let host = get(store.data_mut());
                            let value = Host::live(host);
                            ::core::result::Result::Ok((value,))
                        },
                    )?;
                ::core::result::Result::Ok(())
            }
        }
    }
}
