"""Sub-processor notices (SPEC §6, Art. 28(2)): what a processor must tell each client
controller when it adds, replaces or removes a sub-processor, and by when the client may object."""
