//! The app (`cruscotto-app`): every screen, in one wasm module. The XLSX
//! writer, large and rarely used, is a module of its own
//! (`src/bin/cruscotto-xlsx.rs`), loaded the first time a report is
//! downloaded as a workbook (`cruscotto_app::io::xlsx_module`).

fn main() {
    cruscotto_app::start();
}
