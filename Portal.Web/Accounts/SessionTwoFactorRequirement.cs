using Microsoft.AspNetCore.Authorization;

namespace Portal.Web.Accounts;

/// <summary>
/// The areas that show other people's data (Admin, Recruit, Manage) need a session that signed in
/// with two factors: an authenticator code or a passkey. A person who has two-factor turned on but
/// whose session has not used it is asked for the second factor (<see cref="StepUpRedirect"/>).
/// Learners' own pages do not ask for it.
/// </summary>
public sealed class SessionTwoFactorRequirement : IAuthorizationRequirement;
