using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Domain.Audit;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Audit;

namespace Portal.Web.Accounts;

/// <summary>
/// Identity's sign-in manager with three changes: a passkey sign-in counts as two factors; an
/// existing session can be given its second factor (the step-up page) without a new sign-in; and
/// every sign-in goes to the audit log: success (and how), a wrong password or code with the account
/// it was for, a refusal (email not confirmed), and the failure that locks an account. An address
/// with no account is logged as "unknown", never the address.
/// </summary>
public sealed class PortalSignInManager(
    UserManager<PortalUser> users,
    IHttpContextAccessor http,
    IUserClaimsPrincipalFactory<PortalUser> claims,
    IOptions<IdentityOptions> options,
    ILogger<SignInManager<PortalUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<PortalUser> confirmation,
    AuditLog audit)
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
        await audit.WriteAsync(AuditAction.SignInSucceeded, AuditSubject.Account, user.Id, details: "passkey", actorUserId: user.Id);
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

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var result = await base.PasswordSignInAsync(userName, password, isPersistent, lockoutOnFailure);
        // A known account's attempt was logged by the overloads below; only an unknown address is left.
        if (!result.Succeeded && !result.RequiresTwoFactor && !result.IsLockedOut && !result.IsNotAllowed && await UserManager.FindByNameAsync(userName) is null)
            await audit.WriteAsync(AuditAction.SignInFailed, AuditSubject.Account, AuditLog.UnknownAccount, details: "no account has that address");
        return result;
    }

    public override async Task<SignInResult> CheckPasswordSignInAsync(PortalUser user, string password, bool lockoutOnFailure)
    {
        ArgumentNullException.ThrowIfNull(user);
        var lockedBefore = await UserManager.IsLockedOutAsync(user);
        var result = await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
        await RecordFailureAsync(user, result, lockedBefore, "password");
        return result;
    }

    public override async Task<SignInResult> TwoFactorAuthenticatorSignInAsync(string code, bool isPersistent, bool rememberClient)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        var lockedBefore = user is not null && await UserManager.IsLockedOutAsync(user);
        var result = await base.TwoFactorAuthenticatorSignInAsync(code, isPersistent, rememberClient);
        await RecordTwoFactorAsync(user, result, lockedBefore, "authenticator code");
        return result;
    }

    public override async Task<SignInResult> TwoFactorRecoveryCodeSignInAsync(string recoveryCode)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        var lockedBefore = user is not null && await UserManager.IsLockedOutAsync(user);
        var result = await base.TwoFactorRecoveryCodeSignInAsync(recoveryCode);
        await RecordTwoFactorAsync(user, result, lockedBefore, "recovery code");
        return result;
    }

    /// <summary>Every first-factor sign-in that lets someone in ends here (password, external login, passkey).</summary>
    protected override async Task<SignInResult> SignInOrTwoFactorAsync(PortalUser user, bool isPersistent, string? loginProvider = null, bool bypassTwoFactor = false)
    {
        ArgumentNullException.ThrowIfNull(user);
        var result = await base.SignInOrTwoFactorAsync(user, isPersistent, loginProvider, bypassTwoFactor);
        // Asked for a second factor: the sign-in is logged when that comes (or fails).
        if (result.Succeeded)
            await audit.WriteAsync(AuditAction.SignInSucceeded, AuditSubject.Account, user.Id, details: loginProvider ?? (bypassTwoFactor ? "passkey" : "password"), actorUserId: user.Id);
        return result;
    }

    private async Task RecordTwoFactorAsync(PortalUser? user, SignInResult result, bool lockedBefore, string factor)
    {
        if (user is null)
            return;
        if (result.Succeeded)
            await audit.WriteAsync(AuditAction.SignInSucceeded, AuditSubject.Account, user.Id, details: "password and " + factor, actorUserId: user.Id);
        else
            await RecordFailureAsync(user, result, lockedBefore, factor);
    }

    private async Task RecordFailureAsync(PortalUser user, SignInResult result, bool lockedBefore, string factor)
    {
        if (result.Succeeded || result.RequiresTwoFactor)
            return;
        if (result.IsNotAllowed)
            await audit.WriteAsync(AuditAction.SignInRefused, AuditSubject.Account, user.Id, details: "email address not confirmed");
        else if (result.IsLockedOut && !lockedBefore)
            await audit.WriteAsync(AuditAction.AccountLockedOut, AuditSubject.Account, user.Id, details: $"after a wrong {factor}");
        else
            await audit.WriteAsync(AuditAction.SignInFailed, AuditSubject.Account, user.Id, details: lockedBefore ? "while locked out" : $"wrong {factor}");
    }
}
