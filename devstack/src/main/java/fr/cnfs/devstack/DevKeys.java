package fr.cnfs.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * A development RSA key pair and a token minter. The private key is generated at start into the work folder,
 * never committed; services verify with the public key through {@code MP_JWT_VERIFY_PUBLICKEY_LOCATION}.
 */
public final class DevKeys {

    public static final String ISSUER = "https://auth.cnfs.local";
    public static final String AUDIENCE = "cnfs-api";

    private static final String PRIVATE_KEY_PROPERTY = "cnfs.devstack.jwt.private-key";

    private final Path publicKeyFile;
    private final PrivateKey privateKey;

    private DevKeys(Path publicKeyFile, PrivateKey privateKey) {
        this.publicKeyFile = publicKeyFile;
        this.privateKey = privateKey;
    }

    /** Generates a fresh pair into {@code directory}. */
    public static DevKeys generate(Path directory) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.createDirectories(directory);
            Path publicKeyFile = directory.resolve("publicKey.pem").toAbsolutePath();
            Path privateKeyFile = directory.resolve("privateKey.pem").toAbsolutePath();
            Files.writeString(publicKeyFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            Files.writeString(privateKeyFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            System.setProperty(PRIVATE_KEY_PROPERTY, privateKeyFile.toString());
            return new DevKeys(publicKeyFile, pair.getPrivate());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The keys a devstack in this JVM generated, whichever class loader generated them. */
    public static DevKeys current() {
        String privateKeyPath = System.getProperty(PRIVATE_KEY_PROPERTY);
        if (privateKeyPath == null) {
            throw new IllegalStateException("No devstack JWT keys were generated in this JVM");
        }
        try {
            Path privateKeyFile = Path.of(privateKeyPath);
            String pem = Files.readString(privateKeyFile, StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            PrivateKey key = KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
            return new DevKeys(privateKeyFile.resolveSibling("publicKey.pem"), key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path publicKeyFile() {
        return publicKeyFile;
    }

    /** A signed token for {@code subject} with {@code roles} in {@code groups} and extra claims (siret, departement). */
    public String mint(String subject, List<String> roles, Map<String, String> claims, Duration lifetime) {
        JwtClaims jwt = new JwtClaims();
        jwt.setIssuer(ISSUER);
        jwt.setAudience(AUDIENCE);
        jwt.setSubject(subject);
        jwt.setClaim("upn", subject);
        jwt.setJwtId(UUID.randomUUID().toString());
        jwt.setIssuedAtToNow();
        jwt.setExpirationTime(NumericDate.fromSeconds(NumericDate.now().getValue() + lifetime.toSeconds()));
        jwt.setStringListClaim("groups", roles);
        claims.forEach(jwt::setClaim);
        return sign(jwt);
    }

    /** Signs arbitrary claims: tests use it for expired or otherwise wrong tokens. */
    public String sign(JwtClaims claims) {
        JsonWebSignature signature = new JsonWebSignature();
        signature.setPayload(claims.toJson());
        signature.setKey(privateKey);
        signature.setKeyIdHeaderValue("cnfs-dev");
        signature.setHeader("typ", "JWT");
        signature.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return signature.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot sign a dev token", e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
