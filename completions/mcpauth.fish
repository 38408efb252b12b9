# fish completion for mcpauth, generated from its commands by 'mcpauth completion fish'.
complete -c mcpauth -e
complete -c mcpauth -f
complete -c mcpauth -n '__fish_use_subcommand' -a 'server' -d 'Run an MCP server with a built-in OAuth 2.1 authorization server.'
complete -c mcpauth -n '__fish_use_subcommand' -a 'client-sim' -d 'Simulate real MCP clients through login, restart and reconnect.'
complete -c mcpauth -n '__fish_use_subcommand' -a 'shell' -d 'The mcpauth commands in one interactive session, with TAB completion.'
complete -c mcpauth -n '__fish_use_subcommand' -a 'completion' -d 'Print the bash, zsh or fish completion script.'
complete -c mcpauth -n '__fish_use_subcommand' -s h -l help -d 'Show this help message and exit.'
complete -c mcpauth -n '__fish_use_subcommand' -s V -l version -d 'Print version information and exit.'
complete -c mcpauth -n '__fish_seen_subcommand_from server' -l host -d 'Address to listen on (default: 127.0.0.1).' -x
complete -c mcpauth -n '__fish_seen_subcommand_from server' -s p -l port -d 'Port to listen on; 0 picks a free one (default: 3000).' -x
complete -c mcpauth -n '__fish_seen_subcommand_from server' -l public-url -d 'Origin clients use, when not http://localhost:<port>.' -x
complete -c mcpauth -n '__fish_seen_subcommand_from server' -l mcp-path -d 'Path of the MCP endpoint (default: /mcp).' -x
complete -c mcpauth -n '__fish_seen_subcommand_from server' -l store -d 'sqlite (default) or memory.' -x -a 'sqlite memory'
complete -c mcpauth -n '__fish_seen_subcommand_from server' -l data-dir -d 'Where the sqlite store lives (default: the user\'s state directory).' -r -F
complete -c mcpauth -n '__fish_seen_subcommand_from server' -l token-format -d 'instance ({instanceId}.{secret}, default) or opaque (random hex).' -x -a 'instance opaque'
complete -c mcpauth -n '__fish_seen_subcommand_from server' -l workaround -d 'Turn on a workaround (repeatable, or comma-separated); see below.' -x -a 'dynamic-scope issuer-rotation invalid-token-detail as-url-rotation'
complete -c mcpauth -n '__fish_seen_subcommand_from server' -l auto-approve -d 'Grant every authorization request without the consent page.'
complete -c mcpauth -n '__fish_seen_subcommand_from server' -l no-auth -d 'Serve the MCP endpoint without OAuth (for the conformance suite).'
complete -c mcpauth -n '__fish_seen_subcommand_from server' -l conformance-fixtures -d 'Also offer the tools the official conformance suite calls.'
complete -c mcpauth -n '__fish_seen_subcommand_from server' -l access-token-ttl -d 'Access token lifetime, e.g. 90s, 15m, 1h (default: 1h).' -x
complete -c mcpauth -n '__fish_seen_subcommand_from server' -l refresh-token-ttl -d 'Refresh token lifetime (default: 30d).' -x
complete -c mcpauth -n '__fish_seen_subcommand_from server' -l allowed-origin -d 'A browser origin besides loopback pages that may call /mcp.' -x
complete -c mcpauth -n '__fish_seen_subcommand_from server' -l allowed-host -d 'A Host header name besides loopback names and the public URL\'s.' -x
complete -c mcpauth -n '__fish_seen_subcommand_from server' -l max-body -d 'Largest request body on /mcp; more gets 413 (default: 1048576).' -x
complete -c mcpauth -n '__fish_seen_subcommand_from server' -s v -l verbose -d 'Log every request decision (DEBUG).'
complete -c mcpauth -n '__fish_seen_subcommand_from server' -l format -d 'text (default) or json.' -x -a 'text json'
complete -c mcpauth -n '__fish_seen_subcommand_from server' -l json -d 'Same as --format json.'
complete -c mcpauth -n '__fish_seen_subcommand_from server' -s h -l help -d 'Show this help message and exit.'
complete -c mcpauth -n '__fish_seen_subcommand_from server' -s V -l version -d 'Print version information and exit.'
complete -c mcpauth -n '__fish_seen_subcommand_from client-sim; and not __fish_seen_subcommand_from connect restart matrix' -a 'connect' -d 'Connect to an MCP server as one client would: discovery, registration, a login'
complete -c mcpauth -n '__fish_seen_subcommand_from client-sim; and not __fish_seen_subcommand_from connect restart matrix' -a 'restart' -d 'Start an mcpauth server in this process (port 0), log in with the profile, restart'
complete -c mcpauth -n '__fish_seen_subcommand_from client-sim; and not __fish_seen_subcommand_from connect restart matrix' -a 'matrix' -d 'Run the restart scenario for every profile against the memory store, the sqlite'
complete -c mcpauth -n '__fish_seen_subcommand_from client-sim' -s h -l help -d 'Show this help message and exit.'
complete -c mcpauth -n '__fish_seen_subcommand_from client-sim' -s V -l version -d 'Print version information and exit.'
complete -c mcpauth -n '__fish_seen_subcommand_from client-sim; and __fish_seen_subcommand_from connect' -s p -l profile -d 'vscode-1.105, vscode, ts-sdk, ts-sdk-2, python-sdk or spec.' -x -a 'vscode-1.105 vscode ts-sdk ts-sdk-2 python-sdk spec'
complete -c mcpauth -n '__fish_seen_subcommand_from client-sim; and __fish_seen_subcommand_from connect' -l cache-dir -d 'Where the credential cache lives (default: the state directory).' -r -F
complete -c mcpauth -n '__fish_seen_subcommand_from client-sim; and __fish_seen_subcommand_from connect' -l forget -d 'Forget what this profile cached before connecting.'
complete -c mcpauth -n '__fish_seen_subcommand_from client-sim; and __fish_seen_subcommand_from connect' -l timeout -d 'Bound on each HTTP exchange (default: 10s).' -x
complete -c mcpauth -n '__fish_seen_subcommand_from client-sim; and __fish_seen_subcommand_from connect' -l redirect-uri -d 'Use this redirect URI instead of the profile\'s (e.g. another loopback port).' -x
complete -c mcpauth -n '__fish_seen_subcommand_from client-sim; and __fish_seen_subcommand_from connect' -l client-id -d 'A pre-registered client id; no registration.' -x
complete -c mcpauth -n '__fish_seen_subcommand_from client-sim; and __fish_seen_subcommand_from connect' -l client-secret -d 'The pre-registered client\'s secret.' -x
complete -c mcpauth -n '__fish_seen_subcommand_from client-sim; and __fish_seen_subcommand_from connect' -l format -d 'text (default) or json: one JSON object per line.' -x -a 'TEXT JSON'
complete -c mcpauth -n '__fish_seen_subcommand_from client-sim; and __fish_seen_subcommand_from connect' -l json -d 'Same as --format json.'
complete -c mcpauth -n '__fish_seen_subcommand_from client-sim; and __fish_seen_subcommand_from connect' -s h -l help -d 'Show this help message and exit.'
complete -c mcpauth -n '__fish_seen_subcommand_from client-sim; and __fish_seen_subcommand_from connect' -s V -l version -d 'Print version information and exit.'
complete -c mcpauth -n '__fish_seen_subcommand_from client-sim; and __fish_seen_subcommand_from restart' -s p -l profile -d 'vscode-1.105, vscode, ts-sdk, ts-sdk-2, python-sdk or spec.' -x -a 'vscode-1.105 vscode ts-sdk ts-sdk-2 python-sdk spec'
complete -c mcpauth -n '__fish_seen_subcommand_from client-sim; and __fish_seen_subcommand_from restart' -l store -d 'memory (default) or sqlite.' -x -a 'SQLITE MEMORY'
complete -c mcpauth -n '__fish_seen_subcommand_from client-sim; and __fish_seen_subcommand_from restart' -l token-format -d 'instance (default) or opaque.' -x -a 'INSTANCE OPAQUE'
complete -c mcpauth -n '__fish_seen_subcommand_from client-sim; and __fish_seen_subcommand_from restart' -l workaround -d 'A server workaround (repeatable): dynamic-scope, issuer-rotation, invalid-token-detail, as-url-rotation.' -x -a 'DYNAMIC_SCOPE ISSUER_ROTATION INVALID_TOKEN_DETAIL AS_URL_ROTATION'
complete -c mcpauth -n '__fish_seen_subcommand_from client-sim; and __fish_seen_subcommand_from restart' -l data-dir -d 'Where the sqlite store lives (default: a temporary directory).' -r -F
complete -c mcpauth -n '__fish_seen_subcommand_from client-sim; and __fish_seen_subcommand_from restart' -l timeout -d 'Bound on each HTTP exchange (default: 10s).' -x
complete -c mcpauth -n '__fish_seen_subcommand_from client-sim; and __fish_seen_subcommand_from restart' -s v -l verbose -d 'Also show the server\'s log on stderr.'
complete -c mcpauth -n '__fish_seen_subcommand_from client-sim; and __fish_seen_subcommand_from restart' -l format -d 'text (default) or json: one JSON object per line.' -x -a 'TEXT JSON'
complete -c mcpauth -n '__fish_seen_subcommand_from client-sim; and __fish_seen_subcommand_from restart' -l json -d 'Same as --format json.'
complete -c mcpauth -n '__fish_seen_subcommand_from client-sim; and __fish_seen_subcommand_from restart' -s h -l help -d 'Show this help message and exit.'
complete -c mcpauth -n '__fish_seen_subcommand_from client-sim; and __fish_seen_subcommand_from restart' -s V -l version -d 'Print version information and exit.'
complete -c mcpauth -n '__fish_seen_subcommand_from client-sim; and __fish_seen_subcommand_from matrix' -s p -l profile -d 'Only these profiles (repeatable; default: all).' -x -a 'vscode-1.105 vscode ts-sdk ts-sdk-2 python-sdk spec'
complete -c mcpauth -n '__fish_seen_subcommand_from client-sim; and __fish_seen_subcommand_from matrix' -l parallel -d 'Scenarios run at once (default: 4).' -x
complete -c mcpauth -n '__fish_seen_subcommand_from client-sim; and __fish_seen_subcommand_from matrix' -l format -d 'text (default) or json: one JSON object per line.' -x -a 'TEXT JSON'
complete -c mcpauth -n '__fish_seen_subcommand_from client-sim; and __fish_seen_subcommand_from matrix' -l json -d 'Same as --format json.'
complete -c mcpauth -n '__fish_seen_subcommand_from client-sim; and __fish_seen_subcommand_from matrix' -s h -l help -d 'Show this help message and exit.'
complete -c mcpauth -n '__fish_seen_subcommand_from client-sim; and __fish_seen_subcommand_from matrix' -s V -l version -d 'Print version information and exit.'
complete -c mcpauth -n '__fish_seen_subcommand_from shell' -s h -l help -d 'Show this help message and exit.'
complete -c mcpauth -n '__fish_seen_subcommand_from shell' -s V -l version -d 'Print version information and exit.'
complete -c mcpauth -n '__fish_seen_subcommand_from completion' -s h -l help -d 'Show this help message and exit.'
complete -c mcpauth -n '__fish_seen_subcommand_from completion' -s V -l version -d 'Print version information and exit.'
complete -c mcpauth -n '__fish_seen_subcommand_from completion' -x -a 'bash zsh fish'
