using System;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Engagement.Rules.Decisions;

/// <summary>
/// SHA-256 through OpenSSL's low-level <c>SHA256_Init/Update/Final</c>, where the process can load them: about
/// 90 ns for an idempotency key's two blocks, against about 320 ns through <see cref="IncrementalHash"/>, whose
/// EVP path (provider dispatch, a context reset and an error-queue clear per call) costs more than the hashing.
/// The same algorithm over the same bytes, and checked against <see cref="SHA256.HashData(ReadOnlySpan{byte}, Span{byte})"/>
/// when first used; on Windows, macOS or an OpenSSL built without these functions it is unavailable and
/// <see cref="TryHash"/> returns false, so callers use the .NET API.
/// </summary>
internal static unsafe class OpenSslSha256
{
    // sizeof(SHA256_CTX) is 112 bytes in OpenSSL 1.1 and 3.x; a little more does no harm.
    private const int ContextSize = 128;

    // The calls run without a GC transition (they neither block nor call back): bound the time a long input
    // could keep the thread from a GC suspension. Keys are a few hundred bytes.
    private const int MaxLength = 4096;

    private static readonly Functions? Loaded = Load();

    /// <summary>Whether the OpenSSL functions were found and hash as .NET does.</summary>
    public static bool IsAvailable => Loaded is not null;

    /// <summary>Hashes <paramref name="data"/> into <paramref name="hash"/> (32 bytes); false when unavailable or refused.</summary>
    public static bool TryHash(ReadOnlySpan<byte> data, Span<byte> hash)
    {
        var functions = Loaded;
        return functions is not null && data.Length <= MaxLength && hash.Length >= SHA256.HashSizeInBytes && functions.Hash(data, hash);
    }

    private static Functions? Load()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsFreeBSD())
        {
            return null;
        }

#pragma warning disable CA1031 // Any failure to bind or run the native functions only means the .NET API is used.
        try
        {
            if (!NativeLibrary.TryLoad("libcrypto.so.3", out var library) && !NativeLibrary.TryLoad("libcrypto.so.1.1", out library))
            {
                return null;
            }

            if (!NativeLibrary.TryGetExport(library, "SHA256_Init", out var init)
                || !NativeLibrary.TryGetExport(library, "SHA256_Update", out var update)
                || !NativeLibrary.TryGetExport(library, "SHA256_Final", out var final))
            {
                return null;
            }

            var functions = new Functions(init, update, final);
            return functions.SelfTest() ? functions : null;
        }
        catch (Exception)
        {
            return null;
        }
#pragma warning restore CA1031
    }

    private sealed class Functions(nint init, nint update, nint final)
    {
        private readonly delegate* unmanaged[Cdecl, SuppressGCTransition]<byte*, int> _init = (delegate* unmanaged[Cdecl, SuppressGCTransition]<byte*, int>)init;
        private readonly delegate* unmanaged[Cdecl, SuppressGCTransition]<byte*, byte*, nuint, int> _update = (delegate* unmanaged[Cdecl, SuppressGCTransition]<byte*, byte*, nuint, int>)update;
        private readonly delegate* unmanaged[Cdecl, SuppressGCTransition]<byte*, byte*, int> _final = (delegate* unmanaged[Cdecl, SuppressGCTransition]<byte*, byte*, int>)final;

        public bool Hash(ReadOnlySpan<byte> data, Span<byte> hash)
        {
            var context = stackalloc byte[ContextSize];
            fixed (byte* input = data)
            fixed (byte* output = hash)
            {
                // Each returns 1 on success.
                return _init(context) == 1 && _update(context, input, (nuint)data.Length) == 1 && _final(output, context) == 1;
            }
        }

        // Lengths around the block boundaries (55/56 and 64 bytes of padding) and over several blocks.
        public bool SelfTest()
        {
            Span<byte> data = stackalloc byte[200];
            for (var i = 0; i < data.Length; i++)
            {
                data[i] = (byte)((i * 31) + 7);
            }

            Span<byte> expected = stackalloc byte[SHA256.HashSizeInBytes];
            Span<byte> actual = stackalloc byte[SHA256.HashSizeInBytes];
            foreach (var length in (ReadOnlySpan<int>)[0, 3, 55, 56, 63, 64, 65, 119, 128, 200])
            {
                SHA256.HashData(data[..length], expected);
                if (!Hash(data[..length], actual) || !actual.SequenceEqual(expected))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
