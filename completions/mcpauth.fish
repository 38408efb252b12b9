# fish completion for mcpauth, generated from its commands by 'mcpauth completion fish'.
complete -c mcpauth -e
complete -c mcpauth -f
complete -c mcpauth -n '__fish_use_subcommand' -a 'server' -d 'Run an MCP server with a built-in OAuth 2.1 authorization server.'
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
complete -c mcpauth -n '__fish_seen_subcommand_from shell' -s h -l help -d 'Show this help message and exit.'
complete -c mcpauth -n '__fish_seen_subcommand_from shell' -s V -l version -d 'Print version information and exit.'
complete -c mcpauth -n '__fish_seen_subcommand_from completion' -s h -l help -d 'Show this help message and exit.'
complete -c mcpauth -n '__fish_seen_subcommand_from completion' -s V -l version -d 'Print version information and exit.'
complete -c mcpauth -n '__fish_seen_subcommand_from completion' -x -a 'bash zsh fish'
