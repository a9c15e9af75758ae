fn main() -> std::process::ExitCode {
    bdg::run()
}
