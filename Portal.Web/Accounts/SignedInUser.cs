using System.Security.Claims;

namespace Portal.Web.Accounts;

/// <summary>The signed-in person's id, which every service call is scoped by.</summary>
public static class SignedInUser
{
    /// <summary>
    /// For pages that require sign-in (the folder conventions): there a missing id is a bug, not a
    /// visitor, so it stops the request rather than let a null reach a scoped query.
    /// </summary>
    public static string RequiredId(this ClaimsPrincipal user) =>
        user.IdIfSignedIn() ?? throw new InvalidOperationException("This page needs a signed-in person, and the request has none.");

    /// <summary>For pages open to visitors too: null when nobody is signed in.</summary>
    public static string? IdIfSignedIn(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindFirstValue(ClaimTypes.NameIdentifier);
    }
}
