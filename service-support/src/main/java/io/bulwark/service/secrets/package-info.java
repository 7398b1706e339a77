/** Reading secrets (passwords, passphrases) from the environment or from secret files. */
package io.bulwark.service.secrets;
