//! khabar-attribution (under construction).
