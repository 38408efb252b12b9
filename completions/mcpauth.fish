# fish completion for mcpauth, generated from its commands by 'mcpauth completion fish'.
complete -c mcpauth -e
complete -c mcpauth -f
complete -c mcpauth -n '__fish_use_subcommand' -a 'server' -d 'Run an MCP server with a built-in OAuth 2.1 authorization server.'
complete -c mcpauth -n '__fish_use_subcommand' -a 'client-sim' -d 'Simulate real MCP clients against an MCP server.'
complete -c mcpauth -n '__fish_use_subcommand' -a 'discover' -d 'Check an MCP server\'s discovery metadata the way each client reads it.'
complete -c mcpauth -n '__fish_use_subcommand' -a 'token' -d 'Explain an access token: which server, which instance, which audience.'
complete -c mcpauth -n '__fish_use_subcommand' -a 'report' -d 'Diagnose captured logs and draft the upstream issue in Markdown.'
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
complete -c mcpauth -n '__fish_seen_subcommand_from client-sim; and not __fish_seen_subcommand_from connect restart matrix' -a 'connect' -d 'Connect to any MCP server as one client would.'
complete -c mcpauth -n '__fish_seen_subcommand_from client-sim; and not __fish_seen_subcommand_from connect restart matrix' -a 'restart' -d 'Log in, restart an in-process mcpauth server, connect again: the verdict.'
complete -c mcpauth -n '__fish_seen_subcommand_from client-sim; and not __fish_seen_subcommand_from connect restart matrix' -a 'matrix' -d 'Every profile through a restart of every server setup.'
complete -c mcpauth -n '__fish_seen_subcommand_from client-sim' -s p -l profile -d 'The client to simulate: vscode-1.105, vscode, ts-sdk, ts-sdk-2, python-sdk or spec. One for connect and restart; matrix takes it repeatedly (default: all).' -x -a 'vscode-1.105 vscode ts-sdk ts-sdk-2 python-sdk spec'
complete -c mcpauth -n '__fish_seen_subcommand_from client-sim' -s h -l help -d 'Show this help message and exit.'
complete -c mcpauth -n '__fish_seen_subcommand_from client-sim' -s V -l version -d 'Print version information and exit.'
complete -c mcpauth -n '__fish_seen_subcommand_from client-sim; and __fish_seen_subcommand_from connect' -l cache-dir -d 'Where the credential cache lives (default: the state directory).' -r -F
complete -c mcpauth -n '__fish_seen_subcommand_from client-sim; and __fish_seen_subcommand_from connect' -l forget -d 'Forget what this profile cached before connecting.'
complete -c mcpauth -n '__fish_seen_subcommand_from client-sim; and __fish_seen_subcommand_from connect' -l timeout -d 'Bound on each HTTP exchange (default: 10s).' -x
complete -c mcpauth -n '__fish_seen_subcommand_from client-sim; and __fish_seen_subcommand_from connect' -l redirect-uri -d 'Use this redirect URI instead of the profile\'s (e.g. another loopback port).' -x
complete -c mcpauth -n '__fish_seen_subcommand_from client-sim; and __fish_seen_subcommand_from connect' -l client-id -d 'A pre-registered client id; no registration.' -x
complete -c mcpauth -n '__fish_seen_subcommand_from client-sim; and __fish_seen_subcommand_from connect' -l client-secret -d 'The pre-registered client\'s secret.' -x
complete -c mcpauth -n '__fish_seen_subcommand_from client-sim; and __fish_seen_subcommand_from connect' -l client-metadata-url -d 'The URL client id to use where the server supports client ID metadata documents.' -x
complete -c mcpauth -n '__fish_seen_subcommand_from client-sim; and __fish_seen_subcommand_from connect' -l conformance -d 'Run as the official conformance suite\'s client: no cache on disk, the client from MCP_CONFORMANCE_CONTEXT, the first tool called.'
complete -c mcpauth -n '__fish_seen_subcommand_from client-sim; and __fish_seen_subcommand_from connect' -l format -d 'text (default) or json: one JSON object per line.' -x -a 'text json'
complete -c mcpauth -n '__fish_seen_subcommand_from client-sim; and __fish_seen_subcommand_from connect' -l json -d 'Same as --format json.'
complete -c mcpauth -n '__fish_seen_subcommand_from client-sim; and __fish_seen_subcommand_from connect' -s h -l help -d 'Show this help message and exit.'
complete -c mcpauth -n '__fish_seen_subcommand_from client-sim; and __fish_seen_subcommand_from connect' -s V -l version -d 'Print version information and exit.'
complete -c mcpauth -n '__fish_seen_subcommand_from client-sim; and __fish_seen_subcommand_from connect' -s p -l profile -d 'The client to simulate: vscode-1.105, vscode, ts-sdk, ts-sdk-2, python-sdk or spec. One for connect and restart; matrix takes it repeatedly (default: all).' -x -a 'vscode-1.105 vscode ts-sdk ts-sdk-2 python-sdk spec'
complete -c mcpauth -n '__fish_seen_subcommand_from client-sim; and __fish_seen_subcommand_from restart' -l store -d 'memory (default) or sqlite.' -x -a 'sqlite memory'
complete -c mcpauth -n '__fish_seen_subcommand_from client-sim; and __fish_seen_subcommand_from restart' -l token-format -d 'instance (default) or opaque.' -x -a 'instance opaque'
complete -c mcpauth -n '__fish_seen_subcommand_from client-sim; and __fish_seen_subcommand_from restart' -l workaround -d 'A server workaround (repeatable): dynamic-scope, issuer-rotation, invalid-token-detail, as-url-rotation.' -x -a 'dynamic-scope issuer-rotation invalid-token-detail as-url-rotation'
complete -c mcpauth -n '__fish_seen_subcommand_from client-sim; and __fish_seen_subcommand_from restart' -l data-dir -d 'Where the sqlite store lives (default: a temporary directory).' -r -F
complete -c mcpauth -n '__fish_seen_subcommand_from client-sim; and __fish_seen_subcommand_from restart' -l timeout -d 'Bound on each HTTP exchange (default: 10s).' -x
complete -c mcpauth -n '__fish_seen_subcommand_from client-sim; and __fish_seen_subcommand_from restart' -s v -l verbose -d 'Also show the server\'s log on stderr.'
complete -c mcpauth -n '__fish_seen_subcommand_from client-sim; and __fish_seen_subcommand_from restart' -l format -d 'text (default) or json: one JSON object per line.' -x -a 'text json'
complete -c mcpauth -n '__fish_seen_subcommand_from client-sim; and __fish_seen_subcommand_from restart' -l json -d 'Same as --format json.'
complete -c mcpauth -n '__fish_seen_subcommand_from client-sim; and __fish_seen_subcommand_from restart' -s h -l help -d 'Show this help message and exit.'
complete -c mcpauth -n '__fish_seen_subcommand_from client-sim; and __fish_seen_subcommand_from restart' -s V -l version -d 'Print version information and exit.'
complete -c mcpauth -n '__fish_seen_subcommand_from client-sim; and __fish_seen_subcommand_from restart' -s p -l profile -d 'The client to simulate: vscode-1.105, vscode, ts-sdk, ts-sdk-2, python-sdk or spec. One for connect and restart; matrix takes it repeatedly (default: all).' -x -a 'vscode-1.105 vscode ts-sdk ts-sdk-2 python-sdk spec'
complete -c mcpauth -n '__fish_seen_subcommand_from client-sim; and __fish_seen_subcommand_from matrix' -l parallel -d 'Scenarios run at once (default: 4).' -x
complete -c mcpauth -n '__fish_seen_subcommand_from client-sim; and __fish_seen_subcommand_from matrix' -l format -d 'text (default) or json: one JSON object per line.' -x -a 'text json'
complete -c mcpauth -n '__fish_seen_subcommand_from client-sim; and __fish_seen_subcommand_from matrix' -l json -d 'Same as --format json.'
complete -c mcpauth -n '__fish_seen_subcommand_from client-sim; and __fish_seen_subcommand_from matrix' -s h -l help -d 'Show this help message and exit.'
complete -c mcpauth -n '__fish_seen_subcommand_from client-sim; and __fish_seen_subcommand_from matrix' -s V -l version -d 'Print version information and exit.'
complete -c mcpauth -n '__fish_seen_subcommand_from client-sim; and __fish_seen_subcommand_from matrix' -s p -l profile -d 'The client to simulate: vscode-1.105, vscode, ts-sdk, ts-sdk-2, python-sdk or spec. One for connect and restart; matrix takes it repeatedly (default: all).' -x -a 'vscode-1.105 vscode ts-sdk ts-sdk-2 python-sdk spec'
complete -c mcpauth -n '__fish_seen_subcommand_from discover' -l format -d 'text (default) or json.' -x -a 'text json'
complete -c mcpauth -n '__fish_seen_subcommand_from discover' -l json -d 'Same as --format json.'
complete -c mcpauth -n '__fish_seen_subcommand_from discover' -l origin -d 'Also check CORS for a browser client on this origin.' -x
complete -c mcpauth -n '__fish_seen_subcommand_from discover' -l save -d 'Write a snapshot (JSON).' -r -F
complete -c mcpauth -n '__fish_seen_subcommand_from discover' -l compare -d 'Report what changed since a saved snapshot, and for which clients.' -r -F
complete -c mcpauth -n '__fish_seen_subcommand_from discover' -l timeout -d 'Limit for each HTTP request (default: 10s).' -x
complete -c mcpauth -n '__fish_seen_subcommand_from discover' -s h -l help -d 'Show this help message and exit.'
complete -c mcpauth -n '__fish_seen_subcommand_from discover' -s V -l version -d 'Print version information and exit.'
complete -c mcpauth -n '__fish_seen_subcommand_from token; and not __fish_seen_subcommand_from decode verify' -a 'decode' -d 'Decode an access token offline, or also ask its server about it.'
complete -c mcpauth -n '__fish_seen_subcommand_from token; and not __fish_seen_subcommand_from decode verify' -a 'verify' -d 'Verify a JWT\'s signature with a JSON Web Key Set.'
complete -c mcpauth -n '__fish_seen_subcommand_from token' -s h -l help -d 'Show this help message and exit.'
complete -c mcpauth -n '__fish_seen_subcommand_from token' -s V -l version -d 'Print version information and exit.'
complete -c mcpauth -n '__fish_seen_subcommand_from token; and __fish_seen_subcommand_from decode' -l format -d 'text (default) or json.' -x -a 'text json'
complete -c mcpauth -n '__fish_seen_subcommand_from token; and __fish_seen_subcommand_from decode' -l json -d 'Same as --format json.'
complete -c mcpauth -n '__fish_seen_subcommand_from token; and __fish_seen_subcommand_from decode' -l server -d 'MCP endpoint to present the token to: accepted? which instance runs?' -x
complete -c mcpauth -n '__fish_seen_subcommand_from token; and __fish_seen_subcommand_from decode' -l resource -d 'Resource the token must be bound to (default: the server\'s metadata).' -x
complete -c mcpauth -n '__fish_seen_subcommand_from token; and __fish_seen_subcommand_from decode' -l instance -d 'Id of the running server instance, when known from its log.' -x
complete -c mcpauth -n '__fish_seen_subcommand_from token; and __fish_seen_subcommand_from decode' -l reveal -d 'Also print the whole token.'
complete -c mcpauth -n '__fish_seen_subcommand_from token; and __fish_seen_subcommand_from decode' -l timeout -d 'Limit for each HTTP request (default: 10s).' -x
complete -c mcpauth -n '__fish_seen_subcommand_from token; and __fish_seen_subcommand_from decode' -s h -l help -d 'Show this help message and exit.'
complete -c mcpauth -n '__fish_seen_subcommand_from token; and __fish_seen_subcommand_from decode' -s V -l version -d 'Print version information and exit.'
complete -c mcpauth -n '__fish_seen_subcommand_from token; and __fish_seen_subcommand_from verify' -l format -d 'text (default) or json.' -x -a 'text json'
complete -c mcpauth -n '__fish_seen_subcommand_from token; and __fish_seen_subcommand_from verify' -l json -d 'Same as --format json.'
complete -c mcpauth -n '__fish_seen_subcommand_from token; and __fish_seen_subcommand_from verify' -l jwks -d 'URL of the key set.' -x
complete -c mcpauth -n '__fish_seen_subcommand_from token; and __fish_seen_subcommand_from verify' -l server -d 'MCP endpoint whose authorization server publishes jwks_uri.' -x
complete -c mcpauth -n '__fish_seen_subcommand_from token; and __fish_seen_subcommand_from verify' -l timeout -d 'Limit for each HTTP request (default: 10s).' -x
complete -c mcpauth -n '__fish_seen_subcommand_from token; and __fish_seen_subcommand_from verify' -s h -l help -d 'Show this help message and exit.'
complete -c mcpauth -n '__fish_seen_subcommand_from token; and __fish_seen_subcommand_from verify' -s V -l version -d 'Print version information and exit.'
complete -c mcpauth -n '__fish_seen_subcommand_from report' -s o -l output -d 'Write to FILE.' -r -F
complete -c mcpauth -n '__fish_seen_subcommand_from report' -l format -d 'text (the Markdown draft, default) or json (the diagnosis alone).' -x -a 'text json'
complete -c mcpauth -n '__fish_seen_subcommand_from report' -l json -d 'Same as --format json.'
complete -c mcpauth -n '__fish_seen_subcommand_from report' -l redact-hosts -d 'Also replace host names (not loopback).'
complete -c mcpauth -n '__fish_seen_subcommand_from report' -s h -l help -d 'Show this help message and exit.'
complete -c mcpauth -n '__fish_seen_subcommand_from report' -s V -l version -d 'Print version information and exit.'
complete -c mcpauth -n '__fish_seen_subcommand_from report' -r -F
complete -c mcpauth -n '__fish_seen_subcommand_from shell' -s h -l help -d 'Show this help message and exit.'
complete -c mcpauth -n '__fish_seen_subcommand_from shell' -s V -l version -d 'Print version information and exit.'
complete -c mcpauth -n '__fish_seen_subcommand_from completion' -s h -l help -d 'Show this help message and exit.'
complete -c mcpauth -n '__fish_seen_subcommand_from completion' -s V -l version -d 'Print version information and exit.'
complete -c mcpauth -n '__fish_seen_subcommand_from completion' -x -a 'bash zsh fish'
