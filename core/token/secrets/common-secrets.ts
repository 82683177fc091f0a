/**
 * HMAC secrets seen again and again in real JWT deployments: library and framework defaults, documentation and
 * tutorial examples (jwt.io's "your-256-bit-secret"), and the most common passwords. Checked against every HS*
 * token with no wordlist needed. Investigators add their own lists with `--wordlist` (streamed, any size).
 */
export const COMMON_JWT_SECRETS: readonly string[] = [
  'secret', 'Secret', 'SECRET', 'secretkey', 'secret-key', 'secret_key', 'SecretKey', 'SECRET_KEY', 'secret123', 'secretsecret',
  'your-256-bit-secret', 'your-384-bit-secret', 'your-512-bit-secret', 'a-string-secret-at-least-256-bits-long',
  'your_jwt_secret', 'your-jwt-secret', 'your-secret-key', 'your_secret_key', 'yoursecret', 'your-secret',
  'jwt', 'jwtsecret', 'jwt_secret', 'jwt-secret', 'JWT_SECRET', 'jwtSecret', 'JWTSecret', 'jwt_secret_key', 'jwt-secret-key', 'jwtkey', 'jwt-key',
  'mysecret', 'my_secret', 'my-secret', 'mysecretkey', 'my-secret-key', 'my_secret_key', 'mySecretKey', 'MySecretKey', 'mysupersecretkey',
  'supersecret', 'super-secret', 'super_secret', 'supersecretkey', 'super-secret-key', 'topsecret', 'top_secret', 'top-secret', 'verysecret', 'very-secret',
  'shhhhh', 'shhhhhared-secret', 'shh', 'shhh', 'keyboard cat', 'key', 'mykey', 'private', 'privatekey', 'private-key',
  'changeme', 'change_me', 'change-me', 'CHANGE_ME', 'changeit', 'changethis', 'replace-me', 'replaceme', 'todo',
  'password', 'Password', 'password1', 'Password1', 'passw0rd', 'p@ssw0rd', 'P@ssw0rd', 'pass', 'admin', 'administrator', 'root', 'toor', 'guest', 'user',
  'test', 'test123', 'testing', 'testsecret', 'test-secret', 'test_secret', 'dev', 'development', 'devsecret', 'dev-secret', 'local', 'localhost', 'staging', 'production', 'prod',
  'default', 'default-secret', 'defaultsecret', 'fallback-secret', 'insecure', 'insecure-secret', 'notasecret', 'not-a-secret', 'example', 'sample', 'demo', 'hello', 'helloworld', 'hello world',
  'token', 'tokensecret', 'token_secret', 'token-secret', 'auth', 'authsecret', 'auth-secret', 'auth_secret', 'access', 'access_token_secret', 'access-token-secret', 'refresh', 'refresh_token_secret',
  'app_secret', 'app-secret', 'appsecret', 'api_secret', 'api-secret', 'apisecret', 'client_secret', 'client-secret', 'signing-secret', 'signing_secret', 'signingkey', 'signing-key', 'hmac', 'hmac-secret', 'HS256',
  'ThisIsMySecretKey', 'thisismysecret', 'this-is-my-secret', 'thisisasecret', 's3cr3t', 'S3cr3t', 's3cret', 'secr3t', 'hardtoguess', 'cantguessthis', 'random', 'randomsecret',
  '1234', '12345', '123456', '1234567', '12345678', '123456789', '1234567890', '000000', '111111', '654321', 'qwerty', 'qwerty123', 'qwertyuiop', 'abc123', '1q2w3e4r', 'zaq12wsx', 'asdfghjkl',
  'letmein', 'welcome', 'Welcome1', 'iloveyou', 'monkey', 'dragon', 'sunshine', 'princess', 'football', 'baseball', 'master', 'foo', 'bar', 'foobar', 'null', 'none', 'undefined',
  'gophers', 'golang', 'java', 'python', 'flask', 'django', 'rails', 'laravel', 'express', 'node', 'nodejs', 'spring', 'springboot',
];
