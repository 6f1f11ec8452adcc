using System.Net;

namespace Portal.Web.Security;

/// <summary>Section "Health": who sees the detail of <c>/health</c>.</summary>
public sealed class HealthOptions
{
    /// <summary>
    /// Networks whose callers see every check (after forwarded headers, so the client's address,
    /// not the proxy's). By default this machine only; add the monitoring network, like 10.0.5.0/24.
    /// A request with no network address at all (in-process) counts as internal.
    /// </summary>
    public IList<string> InternalNetworks { get; } = [];

    private static readonly System.Net.IPNetwork[] Loopback = [System.Net.IPNetwork.Parse("127.0.0.0/8"), System.Net.IPNetwork.Parse("::1/128")];

    public bool IsInternal(IPAddress? address)
    {
        if (address is null)
            return true;
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        return Loopback.Concat(InternalNetworks.Select(n => System.Net.IPNetwork.Parse(n.Trim()))).Any(n => n.Contains(address));
    }

    internal IEnumerable<string> Problems() =>
        InternalNetworks.Where(n => !System.Net.IPNetwork.TryParse(n.Trim(), out _))
            .Select(n => $"Health:InternalNetworks has '{n}', which is not a network like 10.0.5.0/24");
}
