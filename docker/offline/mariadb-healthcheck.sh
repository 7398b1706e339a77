#!/bin/bash
# Healthy once the start-up (and its first-run initialisation) is done and the server answers a query on its
# socket, as root through unix_socket authentication. Takes the official image's options and ignores them.
[ -f /run/mysqld/bulwark-ready ] && mariadb --protocol=socket -uroot -e 'SELECT 1' >/dev/null 2>&1
