"""The server itself: the Starlette app and its routes (`_app`), `LocalCoreX` (`_server`), what
one server remembers (`_state`), a request as handlers see it (`_call`), faults, the contract's
error shape, and multipart uploads."""
