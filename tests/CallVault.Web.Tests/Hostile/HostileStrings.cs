namespace CallVault.Web.Tests.Hostile;

/// <summary>Values an attacker puts in every field: traversal, injection, control characters, oversize, wrong types.</summary>
internal static class HostileStrings
{
    public static readonly string[] All =
    [
        "",
        " ",
        "../../../../etc/passwd",
        "..\\..\\..\\windows\\win.ini",
        "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/etc/passwd\0.wav",
        "' OR 1=1 --",
        "\"; DROP TABLE \"Recordings\"; --",
        "<script>alert(1)</script>",
        "${jndi:ldap://127.0.0.1:1/x}",
        "{{7*7}}",
        "a\r\nX-Injected: 1",
        "RE../../../../tmp/x",
        "CA" + new string('f', 32) + "/../x",
        "\u202e\u0000\uffff\u00e9",
        "-1",
        "99999999999999999999999999",
        "NaN",
        "1e308",
        "true",
        "null",
        "[]",
        "{}",
        "file:///etc/passwd",
        "http://169.254.169.254/latest/meta-data/",
        "+1555'0000",
        new string('A', 5000),
    ];
}
