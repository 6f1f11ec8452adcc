using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Domain.Audit;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Audit;

namespace Portal.Web.Accounts;

/// <summary>
/// Identity's sign-in manager, writing every sign-in to the audit log: success (and how), a wrong
/// password or code with the account it was for, a refusal (email not confirmed), and the failure
/// that locks an account. An address with no account is logged as "unknown", never the address.
/// </summary>
public sealed class AuditedSignInManager(
    UserManager<PortalUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<PortalUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<PortalUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<PortalUser> confirmation,
    AuditLog audit)
    : SignInManager<PortalUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
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
