pub type Token = knit::resources_borrow_own::tokens::Token;
impl ResourcesBorrowOwn {
    /// Adds every import this world needs (except those mapped with `with`, which their own
    /// bindings add) to `linker`, served by the value `get` returns from the store's data.
    pub fn add_to_linker<
        T: 'static,
        H: 'static + knit::resources_borrow_own::tokens::Host,
    >(
        linker: &mut wasmtime::component::Linker<T>,
        get: fn(&mut T) -> &mut H,
    ) -> wasmtime::Result<()> {
        let _ = (&linker, get);
        knit::resources_borrow_own::tokens::add_to_linker(linker, get)?;
        ::core::result::Result::Ok(())
    }
}
/// Export indices of world `ResourcesBorrowOwn`, found and type-checked once per component.
#[derive(::core::clone::Clone)]
pub struct ResourcesBorrowOwnIndices {
    knit_resources_borrow_own_boxes: exports::knit::resources_borrow_own::boxes::GuestIndices,
    take_token: wasmtime::component::ComponentExportIndex,
    exercise: wasmtime::component::ComponentExportIndex,
}
impl ResourcesBorrowOwnIndices {
    /// Finds and type-checks every export the world needs.
    pub fn new<_T: 'static>(
        instance_pre: &wasmtime::component::InstancePre<_T>,
    ) -> wasmtime::Result<Self> {
        let component = instance_pre.component();
        let instance_type = instance_pre.instance_type();
        let _ = (&component, &instance_type);
        let knit_resources_borrow_own_boxes = exports::knit::resources_borrow_own::boxes::GuestIndices::new(
            instance_pre,
        )?;
        let take_token = {
            let (item, index) = component
                .get_export(::core::option::Option::None, "take-token")
                .ok_or_else(|| {
                    wasmtime::format_err!("the component has no export `take-token`")
                })?;
            match item {
                wasmtime::component::types::ComponentItem::ComponentFunc(func) => {
                    wasmtime::error::Context::context(
                        func
                            .typecheck::<
                                (wasmtime::component::Resource<Token>,),
                                (u32,),
                            >(&instance_type),
                        "type-checking export `take-token`",
                    )?;
                    index
                }
                _ => wasmtime::bail!("export `take-token` is not a function"),
            }
        };
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
        ::core::result::Result::Ok(ResourcesBorrowOwnIndices {
            knit_resources_borrow_own_boxes,
            take_token,
            exercise,
        })
    }
    /// The world's exports in `instance`.
    pub fn load(
        &self,
        mut store: impl wasmtime::AsContextMut,
        instance: &wasmtime::component::Instance,
    ) -> wasmtime::Result<ResourcesBorrowOwn> {
        let mut store = store.as_context_mut();
        let _ = (&mut store, instance);
        let knit_resources_borrow_own_boxes = self
            .knit_resources_borrow_own_boxes
            .load(&mut store, instance)?;
        let take_token = instance
            .get_func(&mut store, &self.take_token)
            .ok_or_else(|| {
                wasmtime::format_err!("the instance has no export `take-token`")
            })?;
        let exercise = instance
            .get_func(&mut store, &self.exercise)
            .ok_or_else(|| {
                wasmtime::format_err!("the instance has no export `exercise`")
            })?;
        ::core::result::Result::Ok(ResourcesBorrowOwn {
            knit_resources_borrow_own_boxes,
            take_token,
            exercise,
        })
    }
}
/// An instance of world `ResourcesBorrowOwn`: call its exports through the methods.
pub struct ResourcesBorrowOwn {
    knit_resources_borrow_own_boxes: exports::knit::resources_borrow_own::boxes::Guest,
    take_token: wasmtime::component::Func,
    exercise: wasmtime::component::Func,
}
/// World `ResourcesBorrowOwn` pre-instantiated: exports are type-checked once, then every
/// `instantiate` is cheap (one `Store` per request is the usual pattern).
pub struct ResourcesBorrowOwnPre<T: 'static> {
    instance_pre: wasmtime::component::InstancePre<T>,
    indices: ResourcesBorrowOwnIndices,
}
impl<T: 'static> ::core::clone::Clone for ResourcesBorrowOwnPre<T> {
    fn clone(&self) -> Self {
        Self {
            instance_pre: self.instance_pre.clone(),
            indices: self.indices.clone(),
        }
    }
}
impl<T: 'static> ResourcesBorrowOwnPre<T> {
    /// Type-checks the exports of `instance_pre`'s component.
    pub fn new(
        instance_pre: wasmtime::component::InstancePre<T>,
    ) -> wasmtime::Result<Self> {
        let indices = ResourcesBorrowOwnIndices::new(&instance_pre)?;
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
    ) -> wasmtime::Result<ResourcesBorrowOwn> {
        let mut store = store.as_context_mut();
        let instance = self.instance_pre.instantiate(&mut store)?;
        self.indices.load(&mut store, &instance)
    }
    /// Instantiates the component in `store` with wasmtime's async support.
    pub async fn instantiate_async(
        &self,
        mut store: impl wasmtime::AsContextMut<Data = T>,
    ) -> wasmtime::Result<ResourcesBorrowOwn>
    where
        T: ::core::marker::Send,
    {
        let mut store = store.as_context_mut();
        let instance = self.instance_pre.instantiate_async(&mut store).await?;
        self.indices.load(&mut store, &instance)
    }
}
impl ResourcesBorrowOwn {
    /// Type-checks and instantiates `component` with the imports in `linker`.
    pub fn instantiate<T: 'static>(
        store: impl wasmtime::AsContextMut<Data = T>,
        component: &wasmtime::component::Component,
        linker: &wasmtime::component::Linker<T>,
    ) -> wasmtime::Result<ResourcesBorrowOwn> {
        ResourcesBorrowOwnPre::new(linker.instantiate_pre(component)?)?
            .instantiate(store)
    }
    /// Like `instantiate`, with wasmtime's async support.
    pub async fn instantiate_async<T: ::core::marker::Send + 'static>(
        store: impl wasmtime::AsContextMut<Data = T>,
        component: &wasmtime::component::Component,
        linker: &wasmtime::component::Linker<T>,
    ) -> wasmtime::Result<ResourcesBorrowOwn> {
        ResourcesBorrowOwnPre::new(linker.instantiate_pre(component)?)?
            .instantiate_async(store)
            .await
    }
    /// The world's exports in an existing `instance`.
    pub fn new(
        mut store: impl wasmtime::AsContextMut,
        instance: &wasmtime::component::Instance,
    ) -> wasmtime::Result<ResourcesBorrowOwn> {
        let indices = ResourcesBorrowOwnIndices::new(&instance.instance_pre(&store))?;
        indices.load(&mut store, instance)
    }
    /// The guest's exports of `knit:resources-borrow-own/boxes`.
    pub fn knit_resources_borrow_own_boxes(
        &self,
    ) -> &exports::knit::resources_borrow_own::boxes::Guest {
        &self.knit_resources_borrow_own_boxes
    }
    /// Given a host token by value: reads it, then returns its id (dropping it in the guest).
    /// Calls the guest's `take-token`; an `Err` is a trap.
    pub fn call_take_token<S: wasmtime::AsContextMut>(
        &self,
        mut store: S,
        t: wasmtime::component::Resource<Token>,
    ) -> wasmtime::Result<u32> {
        let callee = unsafe {
            wasmtime::component::TypedFunc::<
                (wasmtime::component::Resource<Token>,),
                (u32,),
            >::new_unchecked(self.take_token)
        };
        let (ret,) = callee.call(store.as_context_mut(), (t,))?;
        ::core::result::Result::Ok(ret)
    }
    /// Creates tokens, passes them to the host by borrow and by value.
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
}
#[allow(
    unused_imports,
    unused_variables,
    unused_mut,
    dead_code,
    non_camel_case_types,
    clippy::all
)]
pub mod exports {
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
        pub mod resources_borrow_own {
            #[allow(
                unused_imports,
                unused_variables,
                unused_mut,
                dead_code,
                non_camel_case_types,
                clippy::all
            )]
            pub mod boxes {
                /// Export indices of `knit:resources-borrow-own/boxes`, found and type-checked once per component.
                #[derive(::core::clone::Clone)]
                pub struct GuestIndices {
                    box_constructor: wasmtime::component::ComponentExportIndex,
                    box_label: wasmtime::component::ComponentExportIndex,
                    open: wasmtime::component::ComponentExportIndex,
                    peek: wasmtime::component::ComponentExportIndex,
                    live: wasmtime::component::ComponentExportIndex,
                }
                impl GuestIndices {
                    /// Finds and type-checks the exports of `knit:resources-borrow-own/boxes`.
                    pub fn new<_T: 'static>(
                        instance_pre: &wasmtime::component::InstancePre<_T>,
                    ) -> wasmtime::Result<GuestIndices> {
                        let component = instance_pre.component();
                        let instance_type = instance_pre.instance_type();
                        let (_, interface) = component
                            .get_export(None, "knit:resources-borrow-own/boxes")
                            .ok_or_else(|| {
                                wasmtime::format_err!(
                                    "the component does not export `knit:resources-borrow-own/boxes`"
                                )
                            })?;
                        let _ = (&component, &instance_type, &interface);
                        let box_constructor = {
                            let (item, index) = component
                                .get_export(
                                    ::core::option::Option::Some(&interface),
                                    "[constructor]box",
                                )
                                .ok_or_else(|| {
                                    wasmtime::format_err!(
                                        "the component has no export `[constructor]box` of `knit:resources-borrow-own/boxes`"
                                    )
                                })?;
                            match item {
                                wasmtime::component::types::ComponentItem::ComponentFunc(
                                    func,
                                ) => {
                                    wasmtime::error::Context::context(
                                        func
                                            .typecheck::<
                                                (&'static str,),
                                                (wasmtime::component::ResourceAny,),
                                            >(&instance_type),
                                        "type-checking export `[constructor]box` of `knit:resources-borrow-own/boxes`",
                                    )?;
                                    index
                                }
                                _ => {
                                    wasmtime::bail!(
                                        "export `[constructor]box` of `knit:resources-borrow-own/boxes` is not a function"
                                    )
                                }
                            }
                        };
                        let box_label = {
                            let (item, index) = component
                                .get_export(
                                    ::core::option::Option::Some(&interface),
                                    "[method]box.label",
                                )
                                .ok_or_else(|| {
                                    wasmtime::format_err!(
                                        "the component has no export `[method]box.label` of `knit:resources-borrow-own/boxes`"
                                    )
                                })?;
                            match item {
                                wasmtime::component::types::ComponentItem::ComponentFunc(
                                    func,
                                ) => {
                                    wasmtime::error::Context::context(
                                        func
                                            .typecheck::<
                                                (wasmtime::component::ResourceAny,),
                                                (::std::string::String,),
                                            >(&instance_type),
                                        "type-checking export `[method]box.label` of `knit:resources-borrow-own/boxes`",
                                    )?;
                                    index
                                }
                                _ => {
                                    wasmtime::bail!(
                                        "export `[method]box.label` of `knit:resources-borrow-own/boxes` is not a function"
                                    )
                                }
                            }
                        };
                        let open = {
                            let (item, index) = component
                                .get_export(
                                    ::core::option::Option::Some(&interface),
                                    "open",
                                )
                                .ok_or_else(|| {
                                    wasmtime::format_err!(
                                        "the component has no export `open` of `knit:resources-borrow-own/boxes`"
                                    )
                                })?;
                            match item {
                                wasmtime::component::types::ComponentItem::ComponentFunc(
                                    func,
                                ) => {
                                    wasmtime::error::Context::context(
                                        func
                                            .typecheck::<
                                                (wasmtime::component::ResourceAny,),
                                                (::std::string::String,),
                                            >(&instance_type),
                                        "type-checking export `open` of `knit:resources-borrow-own/boxes`",
                                    )?;
                                    index
                                }
                                _ => {
                                    wasmtime::bail!(
                                        "export `open` of `knit:resources-borrow-own/boxes` is not a function"
                                    )
                                }
                            }
                        };
                        let peek = {
                            let (item, index) = component
                                .get_export(
                                    ::core::option::Option::Some(&interface),
                                    "peek",
                                )
                                .ok_or_else(|| {
                                    wasmtime::format_err!(
                                        "the component has no export `peek` of `knit:resources-borrow-own/boxes`"
                                    )
                                })?;
                            match item {
                                wasmtime::component::types::ComponentItem::ComponentFunc(
                                    func,
                                ) => {
                                    wasmtime::error::Context::context(
                                        func
                                            .typecheck::<
                                                (wasmtime::component::ResourceAny,),
                                                (::std::string::String,),
                                            >(&instance_type),
                                        "type-checking export `peek` of `knit:resources-borrow-own/boxes`",
                                    )?;
                                    index
                                }
                                _ => {
                                    wasmtime::bail!(
                                        "export `peek` of `knit:resources-borrow-own/boxes` is not a function"
                                    )
                                }
                            }
                        };
                        let live = {
                            let (item, index) = component
                                .get_export(
                                    ::core::option::Option::Some(&interface),
                                    "live",
                                )
                                .ok_or_else(|| {
                                    wasmtime::format_err!(
                                        "the component has no export `live` of `knit:resources-borrow-own/boxes`"
                                    )
                                })?;
                            match item {
                                wasmtime::component::types::ComponentItem::ComponentFunc(
                                    func,
                                ) => {
                                    wasmtime::error::Context::context(
                                        func.typecheck::<(), (u32,)>(&instance_type),
                                        "type-checking export `live` of `knit:resources-borrow-own/boxes`",
                                    )?;
                                    index
                                }
                                _ => {
                                    wasmtime::bail!(
                                        "export `live` of `knit:resources-borrow-own/boxes` is not a function"
                                    )
                                }
                            }
                        };
                        ::core::result::Result::Ok(GuestIndices {
                            box_constructor,
                            box_label,
                            open,
                            peek,
                            live,
                        })
                    }
                    /// The exports of `knit:resources-borrow-own/boxes` in `instance`.
                    pub fn load(
                        &self,
                        mut store: impl wasmtime::AsContextMut,
                        instance: &wasmtime::component::Instance,
                    ) -> wasmtime::Result<Guest> {
                        let mut store = store.as_context_mut();
                        let _ = (&mut store, instance);
                        let box_constructor = instance
                            .get_func(&mut store, &self.box_constructor)
                            .ok_or_else(|| {
                                wasmtime::format_err!(
                                    "the instance has no export `[constructor]box`"
                                )
                            })?;
                        let box_label = instance
                            .get_func(&mut store, &self.box_label)
                            .ok_or_else(|| {
                                wasmtime::format_err!(
                                    "the instance has no export `[method]box.label`"
                                )
                            })?;
                        let open = instance
                            .get_func(&mut store, &self.open)
                            .ok_or_else(|| {
                                wasmtime::format_err!("the instance has no export `open`")
                            })?;
                        let peek = instance
                            .get_func(&mut store, &self.peek)
                            .ok_or_else(|| {
                                wasmtime::format_err!("the instance has no export `peek`")
                            })?;
                        let live = instance
                            .get_func(&mut store, &self.live)
                            .ok_or_else(|| {
                                wasmtime::format_err!("the instance has no export `live`")
                            })?;
                        ::core::result::Result::Ok(Guest {
                            box_constructor,
                            box_label,
                            open,
                            peek,
                            live,
                        })
                    }
                }
                /// Guest-defined boxes.
                /// The guest's exports of `knit:resources-borrow-own/boxes`.
                pub struct Guest {
                    box_constructor: wasmtime::component::Func,
                    box_label: wasmtime::component::Func,
                    open: wasmtime::component::Func,
                    peek: wasmtime::component::Func,
                    live: wasmtime::component::Func,
                }
                impl Guest {
                    /// Takes ownership of `b` (the guest drops it) and returns its label.
                    /// Calls the guest's `open`; an `Err` is a trap.
                    pub fn call_open<S: wasmtime::AsContextMut>(
                        &self,
                        mut store: S,
                        b: wasmtime::component::ResourceAny,
                    ) -> wasmtime::Result<::std::string::String> {
                        let callee = unsafe {
                            wasmtime::component::TypedFunc::<
                                (wasmtime::component::ResourceAny,),
                                (::std::string::String,),
                            >::new_unchecked(self.open)
                        };
                        let (ret,) = callee.call(store.as_context_mut(), (b,))?;
                        ::core::result::Result::Ok(ret)
                    }
                    /// Looks at `b` without taking it.
                    /// Calls the guest's `peek`; an `Err` is a trap.
                    pub fn call_peek<S: wasmtime::AsContextMut>(
                        &self,
                        mut store: S,
                        b: wasmtime::component::ResourceAny,
                    ) -> wasmtime::Result<::std::string::String> {
                        let callee = unsafe {
                            wasmtime::component::TypedFunc::<
                                (wasmtime::component::ResourceAny,),
                                (::std::string::String,),
                            >::new_unchecked(self.peek)
                        };
                        let (ret,) = callee.call(store.as_context_mut(), (b,))?;
                        ::core::result::Result::Ok(ret)
                    }
                    /// How many boxes are alive in the guest.
                    /// Calls the guest's `live`; an `Err` is a trap.
                    pub fn call_live<S: wasmtime::AsContextMut>(
                        &self,
                        mut store: S,
                    ) -> wasmtime::Result<u32> {
                        let callee = unsafe {
                            wasmtime::component::TypedFunc::<
                                (),
                                (u32,),
                            >::new_unchecked(self.live)
                        };
                        let (ret,) = callee.call(store.as_context_mut(), ())?;
                        ::core::result::Result::Ok(ret)
                    }
                }
                /// The functions of the guest's resource `box`.
                pub struct GuestBox<'a> {
                    funcs: &'a Guest,
                }
                impl GuestBox<'_> {
                    /// Calls the guest's `[constructor]box`; an `Err` is a trap.
                    pub fn call_constructor<S: wasmtime::AsContextMut>(
                        &self,
                        mut store: S,
                        label: &str,
                    ) -> wasmtime::Result<wasmtime::component::ResourceAny> {
                        let callee = unsafe {
                            wasmtime::component::TypedFunc::<
                                (&str,),
                                (wasmtime::component::ResourceAny,),
                            >::new_unchecked(self.funcs.box_constructor)
                        };
                        let (ret,) = callee.call(store.as_context_mut(), (label,))?;
                        ::core::result::Result::Ok(ret)
                    }
                    /// Calls the guest's `[method]box.label`; an `Err` is a trap.
                    pub fn call_label<S: wasmtime::AsContextMut>(
                        &self,
                        mut store: S,
                        self_: wasmtime::component::ResourceAny,
                    ) -> wasmtime::Result<::std::string::String> {
                        let callee = unsafe {
                            wasmtime::component::TypedFunc::<
                                (wasmtime::component::ResourceAny,),
                                (::std::string::String,),
                            >::new_unchecked(self.funcs.box_label)
                        };
                        let (ret,) = callee.call(store.as_context_mut(), (self_,))?;
                        ::core::result::Result::Ok(ret)
                    }
                }
                impl Guest {
                    /// The functions of resource `box`.
                    pub fn r#box(&self) -> GuestBox<'_> {
                        GuestBox { funcs: self }
                    }
                }
            }
        }
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
    pub mod resources_borrow_own {
        #[allow(
            unused_imports,
            unused_variables,
            unused_mut,
            dead_code,
            non_camel_case_types,
            clippy::all
        )]
        pub mod tokens {
            /// Marker type of the host resource `token`: its handles are `wasmtime::component::Resource<Token>`.
            /// Map it to your own type with `with` to use `ResourceTable::push` directly.
            pub enum Token {}
            /// The host's implementation of resource `token`.
            pub trait HostToken {
                fn new(&mut self, id: u32) -> wasmtime::component::Resource<Token>;
                fn id(&mut self, self_: wasmtime::component::Resource<Token>) -> u32;
                /// Called when the guest drops its last handle to `token` `rep`; an `Err` traps it.
                fn drop(
                    &mut self,
                    rep: wasmtime::component::Resource<Token>,
                ) -> wasmtime::Result<()>;
            }
            /// Host-defined tokens.
            /// Implemented by the host to serve the guest's imports of `knit:resources-borrow-own/tokens`.
            pub trait Host: HostToken {
                /// Takes ownership of `t` (the host drops it) and returns its id.
                fn consume(&mut self, t: wasmtime::component::Resource<Token>) -> u32;
                /// Looks at `t` without taking it.
                fn peek(&mut self, t: wasmtime::component::Resource<Token>) -> u32;
            }
            /// Adds these imports to `linker`, served by the value `get` returns from the store's data.
            pub fn add_to_linker<T: 'static, H: Host + 'static>(
                linker: &mut wasmtime::component::Linker<T>,
                get: fn(&mut T) -> &mut H,
            ) -> wasmtime::Result<()> {
                let mut instance = linker.instance("knit:resources-borrow-own/tokens")?;
                instance
                    .func_wrap(
                        "[constructor]token",
                        move |
                            mut store: wasmtime::StoreContextMut<'_, T>,
                            (arg0,): (u32,),
                        | -> wasmtime::Result<(wasmtime::component::Resource<Token>,)> {
                            let host = get(store.data_mut());
                            let value = HostToken::new(host, arg0);
                            ::core::result::Result::Ok((value,))
                        },
                    )?;
                instance
                    .func_wrap(
                        "[method]token.id",
                        move |
                            mut store: wasmtime::StoreContextMut<'_, T>,
                            (arg0,): (wasmtime::component::Resource<Token>,),
                        | -> wasmtime::Result<(u32,)> {
                            let host = get(store.data_mut());
                            let value = HostToken::id(host, arg0);
                            ::core::result::Result::Ok((value,))
                        },
                    )?;
                instance
                    .resource(
                        "token",
                        wasmtime::component::ResourceType::host::<Token>(),
                        move |mut store, rep| {
                            HostToken::drop(
                                get(store.data_mut()),
                                wasmtime::component::Resource::new_own(rep),
                            )
                        },
                    )?;
                instance
                    .func_wrap(
                        "consume",
                        move |
                            mut store: wasmtime::StoreContextMut<'_, T>,
                            (arg0,): (wasmtime::component::Resource<Token>,),
                        | -> wasmtime::Result<(u32,)> {
                            let host = get(store.data_mut());
                            let value = Host::consume(host, arg0);
                            ::core::result::Result::Ok((value,))
                        },
                    )?;
                instance
                    .func_wrap(
                        "peek",
                        move |
                            mut store: wasmtime::StoreContextMut<'_, T>,
                            (arg0,): (wasmtime::component::Resource<Token>,),
                        | -> wasmtime::Result<(u32,)> {
                            let host = get(store.data_mut());
                            let value = Host::peek(host, arg0);
                            ::core::result::Result::Ok((value,))
                        },
                    )?;
                ::core::result::Result::Ok(())
            }
        }
    }
}
