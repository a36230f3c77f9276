fn main() -> std::process::ExitCode {
    std::process::ExitCode::from(mcplint::cli::main())
}
