using Microsoft.EntityFrameworkCore;

namespace Portal.Infrastructure.Data;

public sealed class SqlitePortalDbContext(DbContextOptions<SqlitePortalDbContext> options) : PortalDbContext(options);
