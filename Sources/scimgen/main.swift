import SCIMGenCLI
