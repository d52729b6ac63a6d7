import ContainAdmissionCLI

// `contain-admission`: the admission webhook alone, the same command as `contain admission` in a
// binary that links only what the webhook needs (a fraction of `contain`'s size and memory).
AdmissionCommand.main()
