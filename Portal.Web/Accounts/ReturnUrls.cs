using Microsoft.AspNetCore.Mvc;

namespace Portal.Web.Accounts;

internal static class ReturnUrls
{
    /// <summary>Only a path on this site: a return URL from the query string is attacker-controlled.</summary>
    public static string Safe(IUrlHelper url, string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && url.IsLocalUrl(returnUrl) ? returnUrl : "/";
}
