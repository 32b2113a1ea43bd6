//! The full app (`cruscotto-full`): every screen, the plan editor, import and
//! export, comparison and report included. Started by the first module
//! (`src/main.rs`) on the addresses that module does not serve; once it runs,
//! every address is served here without another page load.

fn main() {
    cruscotto_app::start(cruscotto_app::app::full_routes);
}
