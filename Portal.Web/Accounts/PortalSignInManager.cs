using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Infrastructure.Accounts;

namespace Portal.Web.Accounts;

/// <summary>
/// Identity's sign-in manager, plus a way to give an existing session its second factor (the
/// step-up page) without starting a new sign-in.
/// </summary>
public sealed class PortalSignInManager(
    UserManager<PortalUser> users,
    IHttpContextAccessor http,
    IUserClaimsPrincipalFactory<PortalUser> claims,
    IOptions<IdentityOptions> options,
    ILogger<SignInManager<PortalUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<PortalUser> confirmation)
    : SignInManager<PortalUser>(users, http, claims, options, logger, schemes, confirmation)
{
    /// <summary>
    /// Re-issues this session as one that has used two factors. The session's own properties are
    /// kept (persistent or not, when it started), so a second factor does not extend it.
    /// </summary>
    /// <param name="methods">
    /// Further RFC 8176 values after "mfa", which comes first because a later refresh
    /// (<see cref="SignInManager{TUser}.RefreshSignInAsync"/>) keeps only the first "amr".
    /// </param>
    public async Task UpgradeToTwoFactorsAsync(PortalUser user, params string[] methods)
    {
        ArgumentNullException.ThrowIfNull(methods);
        var current = await Context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        await SignInWithClaimsAsync(user, current.Properties ?? new AuthenticationProperties(), AmrClaims(methods));
    }

    private static List<Claim> AmrClaims(IEnumerable<string> methods) =>
        [new(SessionFactors.ClaimType, SessionFactors.TwoFactors), .. methods.Select(m => new Claim(SessionFactors.ClaimType, m))];
}
