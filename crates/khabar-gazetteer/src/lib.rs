//! khabar-gazetteer (under construction).
