//! Who uses Cruscotto on this device: the question (on the overview at first,
//! in the settings later) and what a manager sees of their own area.

pub mod my_area;
pub mod role_form;
