using System.Security.Claims;

namespace Portal.Web.Accounts;

/// <summary>
/// How this session signed in, from its "amr" claims (RFC 8176 values). Identity writes "mfa" when a
/// sign-in took a second factor, and "pwd" for a password alone; a setting on the account (two-factor
/// turned on) says nothing about how the person in front of this browser proved who they are.
/// </summary>
public static class SessionFactors
{
    public const string ClaimType = "amr";

    public const string TwoFactors = "mfa";

    public static bool SignedInWithTwoFactors(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.HasClaim(ClaimType, TwoFactors);
    }
}
