/**
 * The RSA keys every scenario signs with. Fixed test keys, generated once with node:crypto (RSA-2048) and stored
 * here, because core has no RSA key generator and deriving RSA primes from a seed in pure TypeScript would cost
 * seconds per key: signatures with them are deterministic (RSASSA-PKCS1-v1_5), so a seed still gives byte-identical
 * bundles. They are training material, not secrets: never trust a token signed by them outside an exercise.
 * What the seed varies is everything else — people, devices, addresses, times, identifiers, the weak HMAC secret.
 */

/** An RSA private key as JWK members (base64url), with its public key as SPKI PEM. */
export interface FixtureRsaKey {
  readonly n: string;
  readonly e: string;
  readonly d: string;
  readonly p: string;
  readonly q: string;
  readonly dp: string;
  readonly dq: string;
  readonly qi: string;
  /** The public key as an SPKI PEM block: what a key-confusion attacker uses as the HMAC secret. */
  readonly spkiPem: string;
}

/** The issuer's current key, its retired predecessor, and a key the attacker made (never published). */
export const FIXTURE_KEYS: Readonly<Record<'issuerCurrent' | 'issuerRetired' | 'attacker', FixtureRsaKey>> = {
  issuerCurrent: {
    n: 'zMzGEih3ZP4OgYoJfv8yX8J1I2Ge6z52Ecb0lkSYEx83sW9xOAmMq91GgkoRpVbYRh4iNVVi8b1da7rZM44ZS3OQ5x3_-0IOY6uC4Bx1Pf7IuoJlCRV-zqjYAoEK48iQnxZQh2QczMwrUmD6yA_LkKmedDOGoAsRRvv9MOU9NAfCdWd-svKKZONNsyz1DcmAYQsVXJeoW1wrrp0zMqaqKLyMXsyQF6npXE3kiHD4085yhh8Y45BiCZzrbumaTb6bBcvndw1ikVBn7PF1CmCMKuKhXzDVSDGv2i3HTIGsmJHCONHb10ndinZ-q7akgiOOyA88eU9YcYYP3HkQBg_jUw',
    e: 'AQAB',
    d: 'M14xWCCaQdSPYuJym037HpWxt9wmdi7GgpL6ii5OTo2H9JNVPI74n6ryon9dibEMshmgzuvJ04SByCGnlQzRP2GPOMkHicf5v_om63t31MLxKgbGvM6NbdxfwdEIIDYQQDbin_L2Xk_fldwJSuDbWD-TJOY_oCjmfn159iepgED3Cqs1LPhEETlxjZUTyxfHWUke4CzXgtNXX7wc81_2GAspAkYRfYbWfGpFraCtuDQuTxegjeN7QERpj7IDOzjR1QaHF7CXoyJ90KNScHcTpBRNfZZTJKnSYkfXs9KNYQiFw2BXn-8K0fBRE5WIM624RI7UMgIQohvRwH6FNUxXcQ',
    p: '7lLPrLrgYXkezvx3AhL8dMPpGAcyZr5JmohUCBiIN2qr_b4NfCLDLHfnLV22m5EZCVYsFgmJFPvzW4glcjJTS3pj9BrsM_m3fr6pSpvmuGL_DaeGDz1arV1spJtIpIMHXbI9dhG_xMdOaLK6O6qpvvU2GMfwZjAz31AHK9sXM_8',
    q: '2_1uLbnw0OgRkpHahp2Nb4SU08tC79NpTymoYAeCgHJ7UFeQhC_TtOYiOJXue-VUmNKp-eOHJKDGx-8O3V2LUFNdy3TthN_jZof_6xTHcd3hP2c_Xb7jO_vVAf4nGme9bkbB02_nrsim5ukXYu-dwbWlZFd5wRIgM0jhzu2eQK0',
    dp: '3BU7VS7KURlR-yGoIRE5c_cLRbY3tCvbuspUl5lYCZ0HsW6V82ICzQj5Qqq9HJJ1BWs_kSZDIk69YHSs5_VTeGtQ7LcEE8dyzafynES2XuaE1K40ndQx7dFNqAECp3GdFsin-2XOq0DGxubuFnW3BfJaf6378dJnxLyZssVDey8',
    dq: 'iDucZJLWj_h3EWZjhqPA98OKCtLARBaPC6gHjlh4N6UtumZPp5yapVcy8AnhYzZ0uiMTgh2mDkfGcgAYG3wXjwnhduKVSIkBoPgtwt3eWSSHniUJN7vDqtzcX1yNyKtfww_sbkzJlBLMUQkeI3WyI0ijAM2vJ6Ja8Id81xGNxA0',
    qi: 'jykLF6hUNwp-SFT7--XCQ18kXhh359Im_xbeSPNSP2AsWfIaDh3iMYeO9jNOFfFr3AkfGgzdt4Zc9_a1x86pcDPBtAcQtQO5MVgzrI-ISDX79XQJE5YvlvlcdNQuS1cak4c4iaaM_Rv4n-UbN3rYcG3j7DQqlB06XM7nSlBjvN4',
    spkiPem:
      '-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAzMzGEih3ZP4OgYoJfv8y\nX8J1I2Ge6z52Ecb0lkSYEx83sW9xOAmMq91GgkoRpVbYRh4iNVVi8b1da7rZM44Z\nS3OQ5x3/+0IOY6uC4Bx1Pf7IuoJlCRV+zqjYAoEK48iQnxZQh2QczMwrUmD6yA/L\nkKmedDOGoAsRRvv9MOU9NAfCdWd+svKKZONNsyz1DcmAYQsVXJeoW1wrrp0zMqaq\nKLyMXsyQF6npXE3kiHD4085yhh8Y45BiCZzrbumaTb6bBcvndw1ikVBn7PF1CmCM\nKuKhXzDVSDGv2i3HTIGsmJHCONHb10ndinZ+q7akgiOOyA88eU9YcYYP3HkQBg/j\nUwIDAQAB\n-----END PUBLIC KEY-----\n',
  },
  issuerRetired: {
    n: 'zd4UZe3O3gGmCdl461ZRZ6QglckGzS4ou7AkpUFhClHUP8CxtNV7aYg3ZgggjWD-JFpCTUi0DhQ4JcAOeh92s4YD1aLv1xROZMrJUoDXHNgwmU-qUQJ-vmNbDvOTaa91rofcKOIE4tuxvaJy_rOM88INh7g4AGByO6YvsbDJepxuCpA0v0K8zy9V7hKogCZ17rHnlFTNc_4cMai_tjSdNZVH-OoO42D2cN_2xqzK6oGFCOF-6e1LYHhDgZqSq9X-q8qk_1UbKU7e-PnHzyZW9IYixrUdHMdSrNw3xEnVOLyTCJH0ShA_8WUYEDyiSoUvmhZUUQjgjvIW3r1CjEDXAw',
    e: 'AQAB',
    d: 'Jk0YHHKnFzTVUGXOknJHyPGHQnbZNhlNaMX3u2szg7j_tTDDnzJMuLCoJeqDK-qMvfSw-zH4ldn7LELULrJl4jafxgJ_ftN_Vk9IL3pbCznJqOxicpn1PLS9f0Wf-nyzd1o9grmyUQawxehQXsTHB57l54dFnARVnHVp0DRk99OHRSZNpB6nOeciPrxzyVShcza_p570EehfAFvNkWh1EcrokMrfwios-_MJGj7AUwAVWIdGBx-q5IcdR_eSRpmwO3heeQsdFwCjOYMEnUzbQmvsAwx2T5m39uiSLbVLGzY3CffoUG8w6NkD6H4HAESoMeV4jtVV5QoDMvUND3v1GQ',
    p: '7pNttDonG5j8AjXqvsYjUmCNsOH-1EFKf2jaYA4iJhywch_phhTKQZdwW_xXoWVULXkEeQqz8hV8aIFl6hcYBK1CFE8vjBILLLsTkGBNf4u0Vz8BT2BtQMqg-iFYSC7HB55wcPbyUgIp3Wi05UHx5aFeChmUqmFvVz-Tvik5r6c',
    q: '3OcdEYyOIfzFE2QzXZsukABFCFn5LduqVZKkN0cHmba9WyJkxu6r409jnXNvSjHWOUtcz9IhDnXV9ls-9lhmvjzAf7GlZhAcUxt7eNPpBHB1R3Jx3qgspPdSH8u6a5UMchGoBrVS760jfPgSJwNq55MGIdtJB38fbyAB2yEvaUU',
    dp: 'CwiofzhdTKpzpUqHE9GoGow6oV6iYYCviFr6Fo0wySB0jKKrMzdM72Gooah3CRDdpsi9CzgSgHS77z1k0EHHK5gzwSq0YT8IY0Y3rmq1yttUOODCF8C27NMyRL88DQKU0-Zg_uh85owREZthGmVFYcBn0AHE3WhqNNfM5nOTpms',
    dq: 'Aq7b74ahg1AqpJ2m8hAcdKtMK1nMaP4uB3QMgo9eTEOn8R9t0ey8MbqZHyRzyZbpXzDHI88Nj7tmqeNZ1Gwmc1ERlXt24tJ3RZsj2MfaIK-s_P0q3OV2BVrrqG81CHF7ATetrsctBrQ3piDtN4QXHFDw1iBvtqOYoiTlYN_6T3E',
    qi: 'PgwxLm3_kMeNm-wlEkfY8UUjynKhTT0hQ4Dg535lLx6Nhb8PsgO1GsWZNeX9mSKRc9F59BB_HEaXOQE5OCssqMuZSh08dupFR48mwxb-KMpKLuXeE6jXnK2_tqNpB8z0hWOg258rlqPIQEOUBFUBx97xSdfQVx6vqnk0N5XrpM8',
    spkiPem:
      '-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAzd4UZe3O3gGmCdl461ZR\nZ6QglckGzS4ou7AkpUFhClHUP8CxtNV7aYg3ZgggjWD+JFpCTUi0DhQ4JcAOeh92\ns4YD1aLv1xROZMrJUoDXHNgwmU+qUQJ+vmNbDvOTaa91rofcKOIE4tuxvaJy/rOM\n88INh7g4AGByO6YvsbDJepxuCpA0v0K8zy9V7hKogCZ17rHnlFTNc/4cMai/tjSd\nNZVH+OoO42D2cN/2xqzK6oGFCOF+6e1LYHhDgZqSq9X+q8qk/1UbKU7e+PnHzyZW\n9IYixrUdHMdSrNw3xEnVOLyTCJH0ShA/8WUYEDyiSoUvmhZUUQjgjvIW3r1CjEDX\nAwIDAQAB\n-----END PUBLIC KEY-----\n',
  },
  attacker: {
    n: 'l_Km5OtljOciu3KUUjLSvP6sUb8ZGXq3PeN1DsLYewIpqLBOLu0j6iLyqTtbMX6-dlW3Sejp0atvhbcRc6d6nI-GteEyR-ie4lGO0Qyp6n6OovU7vkzfnEcZpgzbR5xILyeHkCGin-3uXUMuCwUXODC0IumHHt45SDI4BuGuYrTFDtkyvx8FIo1VxfG0nGxvVW6oLl6lb_x1_pXzNu1n9iOtcJGWCpLfbJ0kNW4OsbLF1qyAkLItKd90ZNVySa8qgOErLvURL1Jdmm2t7ixcCOkS1JHYEGFkJcoaXC_sCWa0qYmGNXCbjd1ouCg7lCvHhCH1XXmBSroxFsocVUA4NQ',
    e: 'AQAB',
    d: 'CGL5AbkZZ4vJX7m9BIVwGsTeu3tV9hFPJGAV0a0A-Fcf-ALVKeNmYFGx_ZO8XpC9j_f-sBpmL2-sLd_zG2RS0OneGFNX7F6jSGAShyjRBxOZqVZqSABjtjM5b_AVOVBfrpSat6KXoIaoKacf1zVeePg9NREZJ2PCGyFEdOLHdoSobFf67H0qm1vf3x2QdB4yPDaRnTWYBiabWznQ0i_8viXCjhrJEBqDgMOHZQ0UTqka1NQYR1MJmAwnCjaYAcWzkfjB7SIa8BgSkw7n1_QTwgrbCF8QPJaOUYQYrhNRi8dHzZ7JXRQIvv22hBM8ZCboKehB01HKWUj1HQEj3xUdUQ',
    p: '0eVshXIgapr28Pxr9eE_Dbg_r5p6WPn-ZEG_Q9VB8LMYy7b_8hikDUf0eC_R6ggji_-xybGKWVxA2c41Ne02u9Ztm_VbE4jPwd8P3TrqGfKRxVczf6czp2NAkd3DrNobYux3z4tzJQQ7QEQVADO0xcpXroulJ14BvptIZQc4GGU',
    q: 'uVLDH6ulTN-O8kLZDnXqkLOUOPps-m_BWK5D3YHHSMFRNvq1R6qNzXhlx_0njm6KtvywOB_xUi2jw5eyG5pvLBw2PiVOMGE9ydAapFGHPvJ4IrWttWB4fzNssom2CSS54IcwClyJkZIcfKbWEdLq36B1mWMv3YCPKLAJdyts25E',
    dp: 'QJ_Uo9mZpXkE4vm0-8VYNo8t_JEhble6PYAItYfpf4SE8-PqNc3kZLpsyLxgcyACYc5eHO1u3UiMJwNYWrwoh_jjUoteeUs8PELDjafgABExVIMetgTy4GysqryOzJ9yoyiPUvVqhFEjNQxBMwi4ddVw3ardNJu7CcahqYlpegk',
    dq: 'pLS_ongk84uFOh7bVpTKIkzYIUPAc1u7lRtcSZO8EBdwHNL5JnaYjNLCctm1vErWkgdGfrs0-PqDH6TEsO-yepugQd9Z_HmQNrrz0rJ65yEMUJzzg833ieWkZ5Eo7jtrz_eWZL8VrQEUvFxyyWiRQqsTmX2j3tMRaPH7l6RKnWE',
    qi: 'kOApI_RHrOnhPH26cAnNxRZXSlsHkNY7skwbDc02yFfSnULfVFFtUSt8JR8Q0yUN5IGQVh5DlhiTsoGKHnZ-3h1TdYM5NGN8XLqNgFI8YM0eXp8S26m9PEM3ZL3ouhuVRJDEkQDhdr1Jry0eXKGn-EmsHiad93TIE3mjmEPyqGQ',
    spkiPem:
      '-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAl/Km5OtljOciu3KUUjLS\nvP6sUb8ZGXq3PeN1DsLYewIpqLBOLu0j6iLyqTtbMX6+dlW3Sejp0atvhbcRc6d6\nnI+GteEyR+ie4lGO0Qyp6n6OovU7vkzfnEcZpgzbR5xILyeHkCGin+3uXUMuCwUX\nODC0IumHHt45SDI4BuGuYrTFDtkyvx8FIo1VxfG0nGxvVW6oLl6lb/x1/pXzNu1n\n9iOtcJGWCpLfbJ0kNW4OsbLF1qyAkLItKd90ZNVySa8qgOErLvURL1Jdmm2t7ixc\nCOkS1JHYEGFkJcoaXC/sCWa0qYmGNXCbjd1ouCg7lCvHhCH1XXmBSroxFsocVUA4\nNQIDAQAB\n-----END PUBLIC KEY-----\n',
  },
};
