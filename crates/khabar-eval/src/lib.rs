//! khabar-eval (under construction).
