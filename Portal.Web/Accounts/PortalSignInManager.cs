using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Infrastructure.Accounts;

namespace Portal.Web.Accounts;

/// <summary>
/// Identity's sign-in manager with two changes: a passkey sign-in counts as two factors, and an
/// existing session can be given its second factor (the step-up page) without a new sign-in.
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
    /// Identity marks a passkey sign-in "pwd", like a password. A passkey with user verification
    /// (required here) is something the person has, unlocked by something they know or are (the
    /// phone's screen lock), so this marks it "mfa". It is never persistent, as in Identity.
    /// </summary>
    public override async Task<SignInResult> PasskeySignInAsync(string credentialJson)
    {
        ArgumentException.ThrowIfNullOrEmpty(credentialJson);
        if (await AssertPasskeyAsync(credentialJson) is not { Succeeded: true, User: { } user, Passkey: { } passkey })
            return SignInResult.Failed;
        if (await PreSignInCheck(user) is { } refused)
            return refused;
        if (!(await UserManager.AddOrUpdatePasskeyAsync(user, passkey)).Succeeded)
            return SignInResult.Failed;
        await SignInWithClaimsAsync(user, new AuthenticationProperties { IsPersistent = false }, AmrClaims(PasskeyMethods(passkey)));
        return SignInResult.Success;
    }

    /// <summary>
    /// Checks a passkey answer against the ceremony this browser started. Null when none is under
    /// way (it was never started, was used already, or is over five minutes old): Identity throws
    /// for that, but to the person it is only a sign-in to try again.
    /// </summary>
    public async Task<PasskeyAssertionResult<PortalUser>?> AssertPasskeyAsync(string credentialJson)
    {
        try
        {
            var result = await PerformPasskeyAssertionAsync(credentialJson);
            // User verification is required in the options, so Identity refuses an answer without it; this keeps "mfa" honest if that ever changes.
            return result is { Succeeded: true, Passkey.IsUserVerified: false } ? null : result;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

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

    /// <summary>"swk" for a passkey that may be synced between devices, "hwk" for one that stays on its device (RFC 8176).</summary>
    public static string[] PasskeyMethods(UserPasskeyInfo passkey)
    {
        ArgumentNullException.ThrowIfNull(passkey);
        return [passkey.IsBackupEligible ? "swk" : "hwk"];
    }

    private static List<Claim> AmrClaims(IEnumerable<string> methods) =>
        [new(SessionFactors.ClaimType, SessionFactors.TwoFactors), .. methods.Select(m => new Claim(SessionFactors.ClaimType, m))];
}
