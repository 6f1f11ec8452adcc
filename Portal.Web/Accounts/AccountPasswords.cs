using Microsoft.AspNetCore.Identity;
using Portal.Infrastructure;
using Portal.Infrastructure.Accounts;

namespace Portal.Web.Accounts;

/// <summary>
/// Every place a person types their current password: signing in, changing the password, deleting
/// the account. Each wrong password counts towards the same lockout (5 in a row lock the account
/// for 15 minutes, and the owner is emailed), and signing in answers and works the same for an
/// address with no account as for one with an account.
/// </summary>
public sealed class AccountPasswords(
    SignInManager<PortalUser> signIn,
    IPasswordHasher<PortalUser> hasher,
    IdentityEmailSender mail,
    ILogger<AccountPasswords> logger)
{
    /// <summary>What the sign-in page says for every failure, whatever the reason.</summary>
    public const string SignInRefused =
        "We could not sign you in. Check your email address and password. If you have just created an account, " +
        "confirm your email address first. After 5 wrong passwords the account is locked for 15 minutes, and we email its owner.";

    private static readonly PortalUser Nobody = new();
    private static string? _dummyHash;

    private UserManager<PortalUser> Users => signIn.UserManager;

    /// <summary>
    /// Identity answers at once, without hashing, for an address with no account, and before the
    /// password for an unconfirmed or locked account; the time taken told a stranger which addresses
    /// are registered. Here each of those checks one password hash as a real attempt does.
    /// </summary>
    /// <param name="resetLink">Where the owner chooses a new password, for the email a lockout sends.</param>
    /// <returns>Succeeded, RequiresTwoFactor, or Failed for everything else (locked out included).</returns>
    public async Task<SignInResult> SignInAsync(string email, string password, bool remember, string resetLink)
    {
        var user = await Users.FindByEmailAsync(email);
        if (user is null || !await Users.HasPasswordAsync(user) || !await signIn.CanSignInAsync(user) || await Users.IsLockedOutAsync(user))
        {
            hasher.VerifyHashedPassword(Nobody, DummyHash(), password);
            return SignInResult.Failed;
        }

        var result = await signIn.PasswordSignInAsync(user, password, remember, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            // Not locked a moment ago, so this attempt started it.
            await LockedOutAsync(user, resetLink);
            return SignInResult.Failed;
        }

        return result.Succeeded || result.RequiresTwoFactor ? result : SignInResult.Failed;
    }

    /// <summary>Changes a signed-in person's password once their current one is right.</summary>
    public async Task<Result> ChangeAsync(PortalUser user, string currentPassword, string newPassword, string resetLink)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (await CheckCurrentAsync(user, currentPassword, resetLink, "OldPassword") is { } problem)
            return problem;
        var changed = await Users.ChangePasswordAsync(user, currentPassword, newPassword);
        if (!changed.Succeeded)
            return Result.Invalid("NewPassword", string.Join(" ", changed.Errors.Select(e => e.Description.TrimEnd('.') + ".")));
        await signIn.RefreshSignInAsync(user);
        logger.LogInformation("Password changed");
        return Result.Done();
    }

    /// <summary>Deletes the signed-in person's account, once their password is right, and signs them out.</summary>
    public async Task<Result> DeleteAccountAsync(PortalUser user, string? password, string resetLink)
    {
        ArgumentNullException.ThrowIfNull(user);
        // An account without a password (one that signs in with a passkey) has nothing to type here.
        if (await Users.HasPasswordAsync(user) && await CheckCurrentAsync(user, password ?? "", resetLink, "Password") is { } problem)
            return problem;
        var deleted = await Users.DeleteAsync(user);
        if (!deleted.Succeeded)
            throw new InvalidOperationException("The account could not be deleted: " + string.Join("; ", deleted.Errors.Select(e => e.Description)));
        await signIn.SignOutAsync();
        logger.LogInformation("Account deleted by its owner");
        return Result.Done();
    }

    /// <returns>Null when the password is right; otherwise what to tell the person.</returns>
    private async Task<FieldProblem?> CheckCurrentAsync(PortalUser user, string password, string resetLink, string field)
    {
        if (await Users.IsLockedOutAsync(user))
            return await SignedOutAsync("Your account is locked for now, so you have been signed out");
        if (await Users.CheckPasswordAsync(user, password))
        {
            await Users.ResetAccessFailedCountAsync(user);
            return null;
        }

        await Users.AccessFailedAsync(user);
        if (await Users.IsLockedOutAsync(user))
        {
            await LockedOutAsync(user, resetLink);
            return await SignedOutAsync($"Too many wrong passwords: your account is locked for {(int)Users.Options.Lockout.DefaultLockoutTimeSpan.TotalMinutes} minutes and you have been signed out. We have emailed you about it");
        }

        var left = Users.Options.Lockout.MaxFailedAccessAttempts - await Users.GetAccessFailedCountAsync(user);
        return new FieldProblem(field, $"That is not your current password. After {left} more wrong {(left == 1 ? "try" : "tries")} your account is locked for {(int)Users.Options.Lockout.DefaultLockoutTimeSpan.TotalMinutes} minutes");
    }

    // Whoever holds this session cannot keep guessing from it: it ends with the lock.
    private async Task<FieldProblem> SignedOutAsync(string message)
    {
        await signIn.SignOutAsync();
        return new FieldProblem("", message);
    }

    private async Task LockedOutAsync(PortalUser user, string resetLink)
    {
        logger.LogWarning("Account locked out after repeated wrong passwords");
        await mail.SendLockedOutAsync(user, Users.Options.Lockout.MaxFailedAccessAttempts, Users.Options.Lockout.DefaultLockoutTimeSpan, resetLink);
    }

    // Made with the same hasher and options as every real hash, so checking it costs the same.
    private string DummyHash() => _dummyHash ??= hasher.HashPassword(Nobody, Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
}
