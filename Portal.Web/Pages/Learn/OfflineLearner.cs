using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Portal.Web.Accounts;

namespace Portal.Web.Pages.Learn;

/// <summary>
/// The name a phone files a learner's kept modules and queued answers under: a hash of their account id,
/// so two people sharing a phone never see each other's, and the page never shows the id itself.
/// </summary>
public static class OfflineLearner
{
    public static string? Key(ClaimsPrincipal user) =>
        user.IdIfSignedIn() is { } id ? Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)))[..24] : null;
}
