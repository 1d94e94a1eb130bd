//! khabar facade.
