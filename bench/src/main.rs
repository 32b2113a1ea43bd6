//! The native side of scripts/bench.sh: prints the engine timings as JSON and,
//! with `--write DIR`, writes the synthetic files the browser benchmarks load
//! (`synthetic.json`, the 10,000-objective plan; `big.json`, the ~5 MB snapshot).

use std::time::Instant;

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Some(dir) = args
        .iter()
        .position(|a| a == "--write")
        .and_then(|i| args.get(i + 1))
    {
        let dir = std::path::Path::new(dir);
        let written = std::fs::create_dir_all(dir)
            .and_then(|()| {
                std::fs::write(
                    dir.join("synthetic.json"),
                    cruscotto_bench::synthetic_snapshot().to_json(),
                )
            })
            .and_then(|()| {
                std::fs::write(dir.join("big.json"), cruscotto_bench::big_snapshot_json())
            });
        if let Err(e) = written {
            eprintln!("cruscotto-bench: cannot write to {}: {e}", dir.display());
            return std::process::ExitCode::FAILURE;
        }
    }
    let start = Instant::now();
    let now = move || start.elapsed().as_secs_f64() * 1000.0;
    println!("{}", cruscotto_bench::run(&now));
    std::process::ExitCode::SUCCESS
}
