namespace Portal.Infrastructure.Accounts;

/// <summary>
/// A browser's user agent in the words a person uses for their own devices. Only this summary is
/// kept: the full string says more about someone than telling their sessions apart needs.
/// </summary>
public static class DeviceName
{
    public static string From(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
            return "Unknown device";
        var browser = Has(userAgent, "Edg/") ? "Edge"
            : Has(userAgent, "SamsungBrowser") ? "Samsung Internet"
            : Has(userAgent, "Firefox/") || Has(userAgent, "FxiOS") ? "Firefox"
            : Has(userAgent, "OPR/") ? "Opera"
            : Has(userAgent, "Chrome/") || Has(userAgent, "CriOS") ? "Chrome"
            : Has(userAgent, "Safari/") ? "Safari"
            : "A browser";
        var system = Has(userAgent, "Android") ? "Android"
            : Has(userAgent, "iPhone") ? "iPhone"
            : Has(userAgent, "iPad") ? "iPad"
            : Has(userAgent, "Windows") ? "Windows"
            : Has(userAgent, "CrOS") ? "Chromebook"
            : Has(userAgent, "Mac OS X") || Has(userAgent, "Macintosh") ? "Mac"
            : Has(userAgent, "Linux") ? "Linux"
            : null;
        return system is null ? browser : $"{browser} on {system}";
    }

    private static bool Has(string userAgent, string part) => userAgent.Contains(part, StringComparison.Ordinal);
}
