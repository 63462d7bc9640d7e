//! Componentize wasip1 core modules (in progress).
