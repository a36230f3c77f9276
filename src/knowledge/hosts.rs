//! Facts about hosts named in URLs.

/// A host that never leaves the machine (or its container host).
pub fn is_loopback(host: &str) -> bool {
    let host = host.trim_start_matches('[').trim_end_matches(']');
    host == "localhost"
        || host.ends_with(".localhost")
        || host.starts_with("127.")
        || host == "::1"
        || host == "0.0.0.0"
        || host == "host.docker.internal"
}

/// A host on this machine or its local network: loopback, or a name of
/// one label (`jenkins`, a compose service), which no public DNS resolves.
pub fn is_local(host: &str) -> bool {
    is_loopback(host) || (!host.is_empty() && !host.contains(['.', ':', '[']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_label_hosts_are_local_and_dotted_ones_are_not() {
        for local in ["localhost", "127.0.0.1", "[::1]", "jenkins", "mcp-gateway"] {
            assert!(is_local(local), "{local}");
        }
        for remote in ["mcp.acme-corp.net", "10.0.0.7", "[2001:db8::1]", ""] {
            assert!(!is_local(remote), "{remote}");
        }
    }
}
