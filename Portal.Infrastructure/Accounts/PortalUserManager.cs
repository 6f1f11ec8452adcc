using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Domain.Audit;
using Portal.Infrastructure.Audit;

namespace Portal.Infrastructure.Accounts;

/// <summary>
/// Identity's user manager, with one rule added: whatever should end someone's sessions ends them
/// at once, on every node, by deleting their <see cref="UserSession"/> rows. A password change
/// keeps the browser that made it; a reset (someone may have the old password), a lockout or a
/// disabled account ends every one. A lockout after failed sign-ins ends them too, although that
/// lets anyone with the address sign a person out: a stranger guessing passwords is the moment an
/// open session should not be trusted. A lockout that merely ran out does not let a session back,
/// because its row is gone. Also, whichever page or service calls it: deleting an account erases
/// everything keyed to the person (Identity alone would leave rows without a foreign key, such as
/// matches), and changes to two-factor sign-in and roles go to the audit log.
/// </summary>
public sealed class PortalUserManager(
    IUserStore<PortalUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<PortalUser> passwordHasher,
    IEnumerable<IUserValidator<PortalUser>> userValidators,
    IEnumerable<IPasswordValidator<PortalUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<PortalUser>> logger,
    SessionService sessions,
    TimeProvider clock)
    : AspNetUserManager<PortalUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    private readonly IHttpContextAccessor? _http = services.GetService<IHttpContextAccessor>();

    public override async Task<IdentityResult> ChangePasswordAsync(PortalUser user, string currentPassword, string newPassword) =>
        await EndSessionsIfAsync(await base.ChangePasswordAsync(user, currentPassword, newPassword), user, keepThisOne: true);

    public override async Task<IdentityResult> AddPasswordAsync(PortalUser user, string password) =>
        await EndSessionsIfAsync(await base.AddPasswordAsync(user, password), user, keepThisOne: true);

    public override async Task<IdentityResult> RemovePasswordAsync(PortalUser user) =>
        await EndSessionsIfAsync(await base.RemovePasswordAsync(user), user, keepThisOne: true);

    public override async Task<IdentityResult> ResetPasswordAsync(PortalUser user, string token, string newPassword) =>
        await EndSessionsIfAsync(await base.ResetPasswordAsync(user, token, newPassword), user, keepThisOne: false);

    public override async Task<IdentityResult> SetLockoutEndDateAsync(PortalUser user, DateTimeOffset? lockoutEnd)
    {
        var result = await base.SetLockoutEndDateAsync(user, lockoutEnd);
        return lockoutEnd > clock.GetUtcNow() ? await EndSessionsIfAsync(result, user, keepThisOne: false) : result;
    }

    /// <summary>Identity locks through the store here, not through <see cref="SetLockoutEndDateAsync"/>.</summary>
    public override async Task<IdentityResult> AccessFailedAsync(PortalUser user)
    {
        var result = await base.AccessFailedAsync(user);
        return result.Succeeded && await IsLockedOutAsync(user) ? await EndSessionsIfAsync(result, user, keepThisOne: false) : result;
    }

    /// <summary>
    /// "Sign out everywhere": every session ends, and a new security stamp also voids "remember
    /// this browser" for two-factor sign-in and any reset or confirmation link still unused.
    /// </summary>
    public async Task<IdentityResult> SignOutEverywhereAsync(PortalUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var result = await UpdateSecurityStampAsync(user);
        return await EndSessionsIfAsync(result, user, keepThisOne: false);
    }

    private async Task<IdentityResult> EndSessionsIfAsync(IdentityResult result, PortalUser user, bool keepThisOne)
    {
        if (result.Succeeded)
            await sessions.EndAllAsync(user.Id, keepThisOne ? CurrentSessionOf(user) : null, CancellationToken);
        return result;
    }

    /// <summary>The session of the request, when it is this person's own (not an admin acting on them).</summary>
    private string? CurrentSessionOf(PortalUser user)
    {
        var principal = _http?.HttpContext?.User;
        return principal?.FindFirstValue(ClaimTypes.NameIdentifier) == user.Id ? principal.FindFirstValue(SessionTicketStore.SessionIdClaim) : null;
    }

    // Resolved when needed: the user manager is built for every signed-in request, most of which never audit.
    private AuditLog Audit => ServiceProvider.GetRequiredService<AuditLog>();

    public override async Task<IdentityResult> DeleteAsync(PortalUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var result = await ServiceProvider.GetRequiredService<Erasure>().EraseAsync(user.Id);
        return result.IsDone ? IdentityResult.Success : IdentityResult.Failed(ErrorDescriber.DefaultError());
    }

    public override async Task<IdentityResult> SetTwoFactorEnabledAsync(PortalUser user, bool enabled)
    {
        ArgumentNullException.ThrowIfNull(user);
        var was = user.TwoFactorEnabled;
        var result = await base.SetTwoFactorEnabledAsync(user, enabled);
        if (result.Succeeded && was != enabled)
            await Audit.WriteAsync(enabled ? AuditAction.TwoFactorTurnedOn : AuditAction.TwoFactorTurnedOff, AuditSubject.Account, user.Id);
        return result;
    }

    public override async Task<IdentityResult> ResetAuthenticatorKeyAsync(PortalUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var result = await base.ResetAuthenticatorKeyAsync(user);
        if (result.Succeeded)
            await Audit.WriteAsync(AuditAction.AuthenticatorReset, AuditSubject.Account, user.Id);
        return result;
    }

    public override async Task<IEnumerable<string>?> GenerateNewTwoFactorRecoveryCodesAsync(PortalUser user, int number)
    {
        ArgumentNullException.ThrowIfNull(user);
        var codes = await base.GenerateNewTwoFactorRecoveryCodesAsync(user, number);
        if (codes is not null)
            await Audit.WriteAsync(AuditAction.RecoveryCodesMade, AuditSubject.Account, user.Id);
        return codes;
    }

    /// <summary>Also called at every passkey sign-in to store its counter: only a passkey new to the account is on record.</summary>
    public override async Task<IdentityResult> AddOrUpdatePasskeyAsync(PortalUser user, UserPasskeyInfo passkey)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(passkey);
        var isNew = await GetPasskeyAsync(user, passkey.CredentialId) is null;
        var result = await base.AddOrUpdatePasskeyAsync(user, passkey);
        if (result.Succeeded && isNew)
            await Audit.WriteAsync(AuditAction.PasskeyAdded, AuditSubject.Account, user.Id, details: passkey.Name);
        return result;
    }

    public override async Task<IdentityResult> RemovePasskeyAsync(PortalUser user, byte[] credentialId)
    {
        ArgumentNullException.ThrowIfNull(user);
        var name = (await GetPasskeyAsync(user, credentialId))?.Name;
        var result = await base.RemovePasskeyAsync(user, credentialId);
        if (result.Succeeded)
            await Audit.WriteAsync(AuditAction.PasskeyRemoved, AuditSubject.Account, user.Id, details: name);
        return result;
    }

    public override async Task<IdentityResult> AddToRoleAsync(PortalUser user, string role)
    {
        ArgumentNullException.ThrowIfNull(user);
        var result = await base.AddToRoleAsync(user, role);
        if (result.Succeeded)
            await Audit.WriteAsync(AuditAction.RoleAdded, AuditSubject.Account, user.Id, details: role);
        return result;
    }

    public override async Task<IdentityResult> RemoveFromRoleAsync(PortalUser user, string role)
    {
        ArgumentNullException.ThrowIfNull(user);
        var result = await base.RemoveFromRoleAsync(user, role);
        if (result.Succeeded)
            await Audit.WriteAsync(AuditAction.RoleRemoved, AuditSubject.Account, user.Id, details: role);
        return result;
    }
}
