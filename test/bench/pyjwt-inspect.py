"""PyJWT doing what `tokentrail inspect --json` does, for token-bench's same-run baseline.

python3 pyjwt-inspect.py TOKENS JWK ALG [--steady ROUNDS]

Whole process: read the key (a JWK, for algorithm ALG), then for every line decode and verify the token with PyJWT and print one JSON
line with its header, claims and verdict. With --steady it prints nothing per token: it verifies the whole file
ROUNDS times in this process (keys preloaded, warm) and prints the best tokens/s, PyJWT's per-core speed.
"""
import json
import sys
import time

import jwt
from jwt import PyJWK


def analyse(token, key, algorithms):
    try:
        decoded = jwt.api_jwt.decode_complete(token, key, algorithms=algorithms, options={"verify_aud": False})
        return decoded["header"], decoded["payload"], "valid"
    except jwt.InvalidSignatureError:
        return jwt.get_unverified_header(token), None, "invalid"
    except jwt.PyJWTError:
        return None, None, "invalid"


def main():
    tokens_file, key_file, alg = sys.argv[1], sys.argv[2], sys.argv[3]
    jwk = PyJWK.from_json(open(key_file, encoding="utf-8").read(), algorithm=alg)
    algorithms = [alg]
    if "--steady" in sys.argv:
        rounds = int(sys.argv[sys.argv.index("--steady") + 1])
        tokens = [line.strip() for line in open(tokens_file, encoding="utf-8") if line.strip()]
        best = 0.0
        for _ in range(rounds):
            started = time.perf_counter()
            for token in tokens:
                analyse(token, jwk.key, algorithms)
            best = max(best, len(tokens) / (time.perf_counter() - started))
        print(round(best))
        return
    out = sys.stdout
    line_number = 0
    with open(tokens_file, encoding="utf-8") as tokens:
        for line in tokens:
            line_number += 1
            token = line.strip()
            if not token:
                continue
            header, claims, status = analyse(token, jwk.key, algorithms)
            alg = header.get("alg") if isinstance(header, dict) else None
            kid = header.get("kid") if isinstance(header, dict) else None
            out.write(json.dumps({"line": line_number, "header": header, "claims": claims, "signature": {"status": status, "alg": alg, "kid": kid}}) + "\n")


main()
