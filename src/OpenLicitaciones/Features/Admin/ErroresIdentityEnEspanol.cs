using Microsoft.AspNetCore.Identity;

namespace OpenLicitaciones.Features.Admin;

/// <summary>Identity's messages in the staff's language.</summary>
public sealed class ErroresIdentityEnEspanol : IdentityErrorDescriber
{
    private static IdentityError E(string code, string text) => new() { Code = code, Description = text };

    public override IdentityError DefaultError() => E(nameof(DefaultError), "No se pudo completar la operación.");
    public override IdentityError ConcurrencyFailure() => E(nameof(ConcurrencyFailure), "La cuenta cambió mientras tanto; vuelva a intentarlo.");
    public override IdentityError PasswordMismatch() => E(nameof(PasswordMismatch), "La contraseña no es correcta.");
    public override IdentityError InvalidToken() => E(nameof(InvalidToken), "El código no es válido o ya venció.");
    public override IdentityError RecoveryCodeRedemptionFailed() => E(nameof(RecoveryCodeRedemptionFailed), "El código de recuperación no es válido o ya se usó.");
    public override IdentityError LoginAlreadyAssociated() => E(nameof(LoginAlreadyAssociated), "Ese ingreso ya está asociado a otra cuenta.");
    public override IdentityError InvalidUserName(string? userName) => E(nameof(InvalidUserName), "El nombre de usuario solo puede tener letras, números y los signos -._@+.");
    public override IdentityError InvalidEmail(string? email) => E(nameof(InvalidEmail), "El correo electrónico no es válido.");
    public override IdentityError DuplicateUserName(string userName) => E(nameof(DuplicateUserName), $"Ya existe una cuenta con «{userName}».");
    public override IdentityError DuplicateEmail(string email) => E(nameof(DuplicateEmail), $"Ya existe una cuenta con el correo «{email}».");
    public override IdentityError InvalidRoleName(string? role) => E(nameof(InvalidRoleName), $"«{role}» no es un rol válido.");
    public override IdentityError DuplicateRoleName(string role) => E(nameof(DuplicateRoleName), $"El rol «{role}» ya existe.");
    public override IdentityError UserAlreadyHasPassword() => E(nameof(UserAlreadyHasPassword), "La cuenta ya tiene contraseña.");
    public override IdentityError UserLockoutNotEnabled() => E(nameof(UserLockoutNotEnabled), "El bloqueo no está activo para esta cuenta.");
    public override IdentityError UserAlreadyInRole(string role) => E(nameof(UserAlreadyInRole), $"La cuenta ya tiene el rol «{role}».");
    public override IdentityError UserNotInRole(string role) => E(nameof(UserNotInRole), $"La cuenta no tiene el rol «{role}».");
    public override IdentityError PasswordTooShort(int length) => E(nameof(PasswordTooShort), $"La contraseña debe tener al menos {length} caracteres.");
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => E(nameof(PasswordRequiresUniqueChars), $"La contraseña debe tener al menos {uniqueChars} caracteres distintos.");
    public override IdentityError PasswordRequiresNonAlphanumeric() => E(nameof(PasswordRequiresNonAlphanumeric), "La contraseña debe tener al menos un signo (no letra ni número).");
    public override IdentityError PasswordRequiresDigit() => E(nameof(PasswordRequiresDigit), "La contraseña debe tener al menos un número.");
    public override IdentityError PasswordRequiresLower() => E(nameof(PasswordRequiresLower), "La contraseña debe tener al menos una minúscula.");
    public override IdentityError PasswordRequiresUpper() => E(nameof(PasswordRequiresUpper), "La contraseña debe tener al menos una mayúscula.");
}
