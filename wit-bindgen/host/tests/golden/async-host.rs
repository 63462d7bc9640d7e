impl AsyncHost {
    /// Adds every import this world needs (except those mapped with `with`, which their own
    /// bindings add) to `linker`, served by the value `get` returns from the store's data.
    pub fn add_to_linker<
        T: 'static + ::core::marker::Send,
        H: 'static + ::core::marker::Send + knit::async_host::host::Host,
    >(
        linker: &mut wasmtime::component::Linker<T>,
        get: fn(&mut T) -> &mut H,
    ) -> wasmtime::Result<()> {
        let _ = (&linker, get);
        knit::async_host::host::add_to_linker(linker, get)?;
        ::core::result::Result::Ok(())
    }
}
/// Export indices of world `AsyncHost`, found and type-checked once per component.
#[derive(::core::clone::Clone)]
pub struct AsyncHostIndices {
    fetch_all: wasmtime::component::ComponentExportIndex,
    double_plus_one: wasmtime::component::ComponentExportIndex,
}
impl AsyncHostIndices {
    /// Finds and type-checks every export the world needs.
    pub fn new<_T: 'static>(
        instance_pre: &wasmtime::component::InstancePre<_T>,
    ) -> wasmtime::Result<Self> {
        let component = instance_pre.component();
        let instance_type = instance_pre.instance_type();
        let _ = (&component, &instance_type);
        let fetch_all = {
            let (item, index) = component
                .get_export(::core::option::Option::None, "fetch-all")
                .ok_or_else(|| {
                    wasmtime::format_err!("the component has no export `fetch-all`")
                })?;
            match item {
                wasmtime::component::types::ComponentItem::ComponentFunc(func) => {
                    wasmtime::error::Context::context(
                        func
                            .typecheck::<
                                (&'static [::std::string::String],),
                                (::std::string::String,),
                            >(&instance_type),
                        "type-checking export `fetch-all`",
                    )?;
                    index
                }
                _ => wasmtime::bail!("export `fetch-all` is not a function"),
            }
        };
        let double_plus_one = {
            let (item, index) = component
                .get_export(::core::option::Option::None, "double-plus-one")
                .ok_or_else(|| {
                    wasmtime::format_err!(
                        "the component has no export `double-plus-one`"
                    )
                })?;
            match item {
                wasmtime::component::types::ComponentItem::ComponentFunc(func) => {
                    wasmtime::error::Context::context(
                        func.typecheck::<(u32,), (u32,)>(&instance_type),
                        "type-checking export `double-plus-one`",
                    )?;
                    index
                }
                _ => wasmtime::bail!("export `double-plus-one` is not a function"),
            }
        };
        ::core::result::Result::Ok(AsyncHostIndices {
            fetch_all,
            double_plus_one,
        })
    }
    /// The world's exports in `instance`.
    pub fn load(
        &self,
        mut store: impl wasmtime::AsContextMut,
        instance: &wasmtime::component::Instance,
    ) -> wasmtime::Result<AsyncHost> {
        let mut store = store.as_context_mut();
        let _ = (&mut store, instance);
        let fetch_all = instance
            .get_func(&mut store, &self.fetch_all)
            .ok_or_else(|| {
                wasmtime::format_err!("the instance has no export `fetch-all`")
            })?;
        let double_plus_one = instance
            .get_func(&mut store, &self.double_plus_one)
            .ok_or_else(|| {
                wasmtime::format_err!("the instance has no export `double-plus-one`")
            })?;
        ::core::result::Result::Ok(AsyncHost {
            fetch_all,
            double_plus_one,
        })
    }
}
/// An instance of world `AsyncHost`: call its exports through the methods.
pub struct AsyncHost {
    fetch_all: wasmtime::component::Func,
    double_plus_one: wasmtime::component::Func,
}
/// World `AsyncHost` pre-instantiated: exports are type-checked once, then every
/// `instantiate` is cheap (one `Store` per request is the usual pattern).
pub struct AsyncHostPre<T: 'static> {
    instance_pre: wasmtime::component::InstancePre<T>,
    indices: AsyncHostIndices,
}
impl<T: 'static> ::core::clone::Clone for AsyncHostPre<T> {
    fn clone(&self) -> Self {
        Self {
            instance_pre: self.instance_pre.clone(),
            indices: self.indices.clone(),
        }
    }
}
impl<T: 'static> AsyncHostPre<T> {
    /// Type-checks the exports of `instance_pre`'s component.
    pub fn new(
        instance_pre: wasmtime::component::InstancePre<T>,
    ) -> wasmtime::Result<Self> {
        let indices = AsyncHostIndices::new(&instance_pre)?;
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
    ) -> wasmtime::Result<AsyncHost> {
        let mut store = store.as_context_mut();
        let instance = self.instance_pre.instantiate(&mut store)?;
        self.indices.load(&mut store, &instance)
    }
    /// Instantiates the component in `store` with wasmtime's async support.
    pub async fn instantiate_async(
        &self,
        mut store: impl wasmtime::AsContextMut<Data = T>,
    ) -> wasmtime::Result<AsyncHost>
    where
        T: ::core::marker::Send,
    {
        let mut store = store.as_context_mut();
        let instance = self.instance_pre.instantiate_async(&mut store).await?;
        self.indices.load(&mut store, &instance)
    }
}
impl AsyncHost {
    /// Type-checks and instantiates `component` with the imports in `linker`.
    pub fn instantiate<T: 'static>(
        store: impl wasmtime::AsContextMut<Data = T>,
        component: &wasmtime::component::Component,
        linker: &wasmtime::component::Linker<T>,
    ) -> wasmtime::Result<AsyncHost> {
        AsyncHostPre::new(linker.instantiate_pre(component)?)?.instantiate(store)
    }
    /// Like `instantiate`, with wasmtime's async support.
    pub async fn instantiate_async<T: ::core::marker::Send + 'static>(
        store: impl wasmtime::AsContextMut<Data = T>,
        component: &wasmtime::component::Component,
        linker: &wasmtime::component::Linker<T>,
    ) -> wasmtime::Result<AsyncHost> {
        AsyncHostPre::new(linker.instantiate_pre(component)?)?
            .instantiate_async(store)
            .await
    }
    /// The world's exports in an existing `instance`.
    pub fn new(
        mut store: impl wasmtime::AsContextMut,
        instance: &wasmtime::component::Instance,
    ) -> wasmtime::Result<AsyncHost> {
        let indices = AsyncHostIndices::new(&instance.instance_pre(&store))?;
        indices.load(&mut store, instance)
    }
    /// Fetches every key through the host and joins the answers.
    /// Calls the guest's `fetch-all`; an `Err` is a trap.
    pub async fn call_fetch_all<S: wasmtime::AsContextMut>(
        &self,
        mut store: S,
        keys: &[::std::string::String],
    ) -> wasmtime::Result<::std::string::String>
    where
        <S as wasmtime::AsContext>::Data: ::core::marker::Send,
    {
        let callee = unsafe {
            wasmtime::component::TypedFunc::<
                (&[::std::string::String],),
                (::std::string::String,),
            >::new_unchecked(self.fetch_all)
        };
        let (ret,) = callee.call_async(store.as_context_mut(), (keys,)).await?;
        ::core::result::Result::Ok(ret)
    }
    /// `double(x) + 1` through the host.
    /// Calls the guest's `double-plus-one`; an `Err` is a trap.
    pub fn call_double_plus_one<S: wasmtime::AsContextMut>(
        &self,
        mut store: S,
        x: u32,
    ) -> wasmtime::Result<u32> {
        let callee = unsafe {
            wasmtime::component::TypedFunc::<
                (u32,),
                (u32,),
            >::new_unchecked(self.double_plus_one)
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
    pub mod async_host {
        #[allow(
            unused_imports,
            unused_variables,
            unused_mut,
            dead_code,
            non_camel_case_types,
            clippy::all
        )]
        pub mod host {
            /// What the host provides, implemented with async Rust.
            /// Implemented by the host to serve the guest's imports of `knit:async-host/host`.
            pub trait Host {
                /// Looks `key` up (the host's future is pending once before answering).
                fn fetch(
                    &mut self,
                    key: ::std::string::String,
                ) -> impl ::core::future::Future<
                    Output = ::core::option::Option<::std::string::String>,
                > + ::core::marker::Send;
                /// A plain synchronous helper.
                fn double(&mut self, x: u32) -> wasmtime::Result<u32>;
            }
            /// Adds these imports to `linker`, served by the value `get` returns from the store's data.
            pub fn add_to_linker<
                T: 'static + ::core::marker::Send,
                H: Host + 'static + ::core::marker::Send,
            >(
                linker: &mut wasmtime::component::Linker<T>,
                get: fn(&mut T) -> &mut H,
            ) -> wasmtime::Result<()> {
                let mut instance = linker.instance("knit:async-host/host")?;
                instance
                    .func_wrap_async(
                        "fetch",
                        move |
                            mut store: wasmtime::StoreContextMut<'_, T>,
                            (arg0,): (::std::string::String,)|
                        ::std::boxed::Box::new(async move {
                            let host = get(store.data_mut());
                            let value = Host::fetch(host, arg0).await;
                            ::core::result::Result::Ok((value,))
                        }),
                    )?;
                instance
                    .func_wrap(
                        "double",
                        move |
                            mut store: wasmtime::StoreContextMut<'_, T>,
                            (arg0,): (u32,),
                        | -> wasmtime::Result<(u32,)> {
                            let host = get(store.data_mut());
                            let value = Host::double(host, arg0)?;
                            ::core::result::Result::Ok((value,))
                        },
                    )?;
                ::core::result::Result::Ok(())
            }
        }
    }
}
