using Microsoft.AspNetCore.Authorization;

namespace Portal.Web.Accounts;

/// <summary>
/// Anyone in the Admin role must have two-factor sign-in turned on before an admin-reachable area
/// (Admin, and Recruit and Manage, which admins may also use) will let them in. Others pass.
/// </summary>
public sealed class AdminTwoFactorRequirement : IAuthorizationRequirement;
