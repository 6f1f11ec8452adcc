using Microsoft.EntityFrameworkCore;

namespace Portal.Infrastructure.Data;

public sealed class SqlServerPortalDbContext(DbContextOptions<SqlServerPortalDbContext> options) : PortalDbContext(options);
