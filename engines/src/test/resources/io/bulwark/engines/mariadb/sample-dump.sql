/*M!999999\- enable the sandbox mode */ 
-- MariaDB dump 10.19  Distrib 10.11.19-MariaDB, for debian-linux-gnu (x86_64)
--
-- Host: localhost    Database: zz_explore
-- ------------------------------------------------------
-- Server version	10.11.19-MariaDB-0+deb12u1

/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
/*!40101 SET @OLD_CHARACTER_SET_RESULTS=@@CHARACTER_SET_RESULTS */;
/*!40101 SET @OLD_COLLATION_CONNECTION=@@COLLATION_CONNECTION */;
/*!40101 SET NAMES utf8mb4 */;
/*!40103 SET @OLD_TIME_ZONE=@@TIME_ZONE */;
/*!40103 SET TIME_ZONE='+00:00' */;
/*!40014 SET @OLD_UNIQUE_CHECKS=@@UNIQUE_CHECKS, UNIQUE_CHECKS=0 */;
/*!40014 SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0 */;
/*!40101 SET @OLD_SQL_MODE=@@SQL_MODE, SQL_MODE='NO_AUTO_VALUE_ON_ZERO' */;
/*!40111 SET @OLD_SQL_NOTES=@@SQL_NOTES, SQL_NOTES=0 */;

--
-- Sequence structure for `seq1`
--

DROP SEQUENCE IF EXISTS `seq1`;
CREATE SEQUENCE `seq1` start with 1 minvalue 1 maxvalue 9223372036854775806 increment by 1 cache 1000 nocycle ENGINE=InnoDB;
DO SETVAL(`seq1`, 1, 0);

--
-- Table structure for table `a`
--

DROP TABLE IF EXISTS `a`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `a` (
  `id` int(11) NOT NULL,
  `s` varchar(100) DEFAULT NULL,
  `b` blob DEFAULT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_s` (`s`),
  CONSTRAINT `chk_id` CHECK (`id` > 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `a`
--

LOCK TABLES `a` WRITE;
/*!40000 ALTER TABLE `a` DISABLE KEYS */;
INSERT INTO `a` VALUES
(1,'it\'s; a),(test',0x00275C0A),
(2,'back\\slash \"dq\"\n',NULL),
(3,'😀',''),
(4,NULL,NULL);
/*!40000 ALTER TABLE `a` ENABLE KEYS */;
UNLOCK TABLES;
/*!50003 SET @saved_cs_client      = @@character_set_client */ ;
/*!50003 SET @saved_cs_results     = @@character_set_results */ ;
/*!50003 SET @saved_col_connection = @@collation_connection */ ;
/*!50003 SET character_set_client  = utf8mb3 */ ;
/*!50003 SET character_set_results = utf8mb3 */ ;
/*!50003 SET collation_connection  = utf8mb3_general_ci */ ;
/*!50003 SET @saved_sql_mode       = @@sql_mode */ ;
/*!50003 SET sql_mode              = 'STRICT_TRANS_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_AUTO_CREATE_USER,NO_ENGINE_SUBSTITUTION' */ ;
DELIMITER ;;
/*!50003 CREATE*/ /*!50017 DEFINER=`root`@`localhost`*/ /*!50003 TRIGGER trg AFTER INSERT ON a FOR EACH ROW BEGIN INSERT INTO audit (msg, a_id) VALUES ('x;y', NEW.id),('z', NEW.id); END 
*/;;
DELIMITER ;
/*!50003 SET sql_mode              = @saved_sql_mode */ ;
/*!50003 SET character_set_client  = @saved_cs_client */ ;
/*!50003 SET character_set_results = @saved_cs_results */ ;
/*!50003 SET collation_connection  = @saved_col_connection */ ;

--
-- Table structure for table `audit`
--

DROP TABLE IF EXISTS `audit`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `audit` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `msg` text DEFAULT NULL,
  `a_id` int(11) DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `idx_a` (`a_id`),
  CONSTRAINT `fk_a` FOREIGN KEY (`a_id`) REFERENCES `a` (`id`)
) ENGINE=InnoDB AUTO_INCREMENT=13 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `audit`
--

LOCK TABLES `audit` WRITE;
/*!40000 ALTER TABLE `audit` DISABLE KEYS */;
INSERT INTO `audit` VALUES
(5,'x;y',1),
(6,'z',1),
(7,'x;y',2),
(8,'z',2),
(9,'x;y',3),
(10,'z',3),
(11,'x;y',4),
(12,'z',4);
/*!40000 ALTER TABLE `audit` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `empty_t`
--

DROP TABLE IF EXISTS `empty_t`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `empty_t` (
  `x` int(11) DEFAULT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `empty_t`
--

LOCK TABLES `empty_t` WRITE;
/*!40000 ALTER TABLE `empty_t` DISABLE KEYS */;
/*!40000 ALTER TABLE `empty_t` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Temporary table structure for view `v`
--

DROP TABLE IF EXISTS `v`;
/*!50001 DROP VIEW IF EXISTS `v`*/;
SET @saved_cs_client     = @@character_set_client;
SET character_set_client = utf8mb4;
/*!50001 CREATE VIEW `v` AS SELECT
 NULL AS `id`,
 NULL AS `s` */;
SET character_set_client = @saved_cs_client;

--
-- Table structure for table `we``ird; name`
--

DROP TABLE IF EXISTS `we``ird; name`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `we``ird; name` (
  `id` int(11) NOT NULL,
  `note` text DEFAULT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `we``ird; name`
--

LOCK TABLES `we``ird; name` WRITE;
/*!40000 ALTER TABLE `we``ird; name` DISABLE KEYS */;
INSERT INTO `we``ird; name` VALUES
(1,'row 1 it\'s ; a),(b \\ \"q\" \n😀'),
(2,'row 2 it\'s ; a),(b \\ \"q\" \n😀'),
(3,'row 3 it\'s ; a),(b \\ \"q\" \n😀'),
(4,'row 4 it\'s ; a),(b \\ \"q\" \n😀'),
(5,'row 5 it\'s ; a),(b \\ \"q\" \n😀'),
(6,'row 6 it\'s ; a),(b \\ \"q\" \n😀'),
(7,'row 7 it\'s ; a),(b \\ \"q\" \n😀'),
(8,'row 8 it\'s ; a),(b \\ \"q\" \n😀'),
(9,'row 9 it\'s ; a),(b \\ \"q\" \n😀'),
(10,'row 10 it\'s ; a),(b \\ \"q\" \n😀'),
(11,'row 11 it\'s ; a),(b \\ \"q\" \n😀'),
(12,'row 12 it\'s ; a),(b \\ \"q\" \n😀'),
(13,'row 13 it\'s ; a),(b \\ \"q\" \n😀'),
(14,'row 14 it\'s ; a),(b \\ \"q\" \n😀'),
(15,'row 15 it\'s ; a),(b \\ \"q\" \n😀'),
(16,'row 16 it\'s ; a),(b \\ \"q\" \n😀'),
(17,'row 17 it\'s ; a),(b \\ \"q\" \n😀'),
(18,'row 18 it\'s ; a),(b \\ \"q\" \n😀'),
(19,'row 19 it\'s ; a),(b \\ \"q\" \n😀'),
(20,'row 20 it\'s ; a),(b \\ \"q\" \n😀'),
(21,'row 21 it\'s ; a),(b \\ \"q\" \n😀'),
(22,'row 22 it\'s ; a),(b \\ \"q\" \n😀'),
(23,'row 23 it\'s ; a),(b \\ \"q\" \n😀'),
(24,'row 24 it\'s ; a),(b \\ \"q\" \n😀'),
(25,'row 25 it\'s ; a),(b \\ \"q\" \n😀'),
(26,'row 26 it\'s ; a),(b \\ \"q\" \n😀'),
(27,'row 27 it\'s ; a),(b \\ \"q\" \n😀'),
(28,'row 28 it\'s ; a),(b \\ \"q\" \n😀'),
(29,'row 29 it\'s ; a),(b \\ \"q\" \n😀'),
(30,'row 30 it\'s ; a),(b \\ \"q\" \n😀'),
(31,'row 31 it\'s ; a),(b \\ \"q\" \n😀'),
(32,'row 32 it\'s ; a),(b \\ \"q\" \n😀'),
(33,'row 33 it\'s ; a),(b \\ \"q\" \n😀'),
(34,'row 34 it\'s ; a),(b \\ \"q\" \n😀'),
(35,'row 35 it\'s ; a),(b \\ \"q\" \n😀'),
(36,'row 36 it\'s ; a),(b \\ \"q\" \n😀'),
(37,'row 37 it\'s ; a),(b \\ \"q\" \n😀'),
(38,'row 38 it\'s ; a),(b \\ \"q\" \n😀'),
(39,'row 39 it\'s ; a),(b \\ \"q\" \n😀'),
(40,'row 40 it\'s ; a),(b \\ \"q\" \n😀'),
(41,'row 41 it\'s ; a),(b \\ \"q\" \n😀'),
(42,'row 42 it\'s ; a),(b \\ \"q\" \n😀'),
(43,'row 43 it\'s ; a),(b \\ \"q\" \n😀'),
(44,'row 44 it\'s ; a),(b \\ \"q\" \n😀'),
(45,'row 45 it\'s ; a),(b \\ \"q\" \n😀'),
(46,'row 46 it\'s ; a),(b \\ \"q\" \n😀'),
(47,'row 47 it\'s ; a),(b \\ \"q\" \n😀'),
(48,'row 48 it\'s ; a),(b \\ \"q\" \n😀'),
(49,'row 49 it\'s ; a),(b \\ \"q\" \n😀'),
(50,'row 50 it\'s ; a),(b \\ \"q\" \n😀'),
(51,'row 51 it\'s ; a),(b \\ \"q\" \n😀'),
(52,'row 52 it\'s ; a),(b \\ \"q\" \n😀'),
(53,'row 53 it\'s ; a),(b \\ \"q\" \n😀'),
(54,'row 54 it\'s ; a),(b \\ \"q\" \n😀'),
(55,'row 55 it\'s ; a),(b \\ \"q\" \n😀'),
(56,'row 56 it\'s ; a),(b \\ \"q\" \n😀'),
(57,'row 57 it\'s ; a),(b \\ \"q\" \n😀'),
(58,'row 58 it\'s ; a),(b \\ \"q\" \n😀'),
(59,'row 59 it\'s ; a),(b \\ \"q\" \n😀'),
(60,'row 60 it\'s ; a),(b \\ \"q\" \n😀'),
(61,'row 61 it\'s ; a),(b \\ \"q\" \n😀'),
(62,'row 62 it\'s ; a),(b \\ \"q\" \n😀'),
(63,'row 63 it\'s ; a),(b \\ \"q\" \n😀'),
(64,'row 64 it\'s ; a),(b \\ \"q\" \n😀'),
(65,'row 65 it\'s ; a),(b \\ \"q\" \n😀'),
(66,'row 66 it\'s ; a),(b \\ \"q\" \n😀'),
(67,'row 67 it\'s ; a),(b \\ \"q\" \n😀'),
(68,'row 68 it\'s ; a),(b \\ \"q\" \n😀'),
(69,'row 69 it\'s ; a),(b \\ \"q\" \n😀'),
(70,'row 70 it\'s ; a),(b \\ \"q\" \n😀'),
(71,'row 71 it\'s ; a),(b \\ \"q\" \n😀'),
(72,'row 72 it\'s ; a),(b \\ \"q\" \n😀'),
(73,'row 73 it\'s ; a),(b \\ \"q\" \n😀'),
(74,'row 74 it\'s ; a),(b \\ \"q\" \n😀'),
(75,'row 75 it\'s ; a),(b \\ \"q\" \n😀'),
(76,'row 76 it\'s ; a),(b \\ \"q\" \n😀'),
(77,'row 77 it\'s ; a),(b \\ \"q\" \n😀'),
(78,'row 78 it\'s ; a),(b \\ \"q\" \n😀'),
(79,'row 79 it\'s ; a),(b \\ \"q\" \n😀'),
(80,'row 80 it\'s ; a),(b \\ \"q\" \n😀'),
(81,'row 81 it\'s ; a),(b \\ \"q\" \n😀'),
(82,'row 82 it\'s ; a),(b \\ \"q\" \n😀'),
(83,'row 83 it\'s ; a),(b \\ \"q\" \n😀'),
(84,'row 84 it\'s ; a),(b \\ \"q\" \n😀'),
(85,'row 85 it\'s ; a),(b \\ \"q\" \n😀'),
(86,'row 86 it\'s ; a),(b \\ \"q\" \n😀'),
(87,'row 87 it\'s ; a),(b \\ \"q\" \n😀'),
(88,'row 88 it\'s ; a),(b \\ \"q\" \n😀'),
(89,'row 89 it\'s ; a),(b \\ \"q\" \n😀'),
(90,'row 90 it\'s ; a),(b \\ \"q\" \n😀');
INSERT INTO `we``ird; name` VALUES
(91,'row 91 it\'s ; a),(b \\ \"q\" \n😀'),
(92,'row 92 it\'s ; a),(b \\ \"q\" \n😀'),
(93,'row 93 it\'s ; a),(b \\ \"q\" \n😀'),
(94,'row 94 it\'s ; a),(b \\ \"q\" \n😀'),
(95,'row 95 it\'s ; a),(b \\ \"q\" \n😀'),
(96,'row 96 it\'s ; a),(b \\ \"q\" \n😀'),
(97,'row 97 it\'s ; a),(b \\ \"q\" \n😀'),
(98,'row 98 it\'s ; a),(b \\ \"q\" \n😀'),
(99,'row 99 it\'s ; a),(b \\ \"q\" \n😀'),
(100,'row 100 it\'s ; a),(b \\ \"q\" \n😀'),
(101,'row 101 it\'s ; a),(b \\ \"q\" \n😀'),
(102,'row 102 it\'s ; a),(b \\ \"q\" \n😀'),
(103,'row 103 it\'s ; a),(b \\ \"q\" \n😀'),
(104,'row 104 it\'s ; a),(b \\ \"q\" \n😀'),
(105,'row 105 it\'s ; a),(b \\ \"q\" \n😀'),
(106,'row 106 it\'s ; a),(b \\ \"q\" \n😀'),
(107,'row 107 it\'s ; a),(b \\ \"q\" \n😀'),
(108,'row 108 it\'s ; a),(b \\ \"q\" \n😀'),
(109,'row 109 it\'s ; a),(b \\ \"q\" \n😀'),
(110,'row 110 it\'s ; a),(b \\ \"q\" \n😀'),
(111,'row 111 it\'s ; a),(b \\ \"q\" \n😀'),
(112,'row 112 it\'s ; a),(b \\ \"q\" \n😀'),
(113,'row 113 it\'s ; a),(b \\ \"q\" \n😀'),
(114,'row 114 it\'s ; a),(b \\ \"q\" \n😀'),
(115,'row 115 it\'s ; a),(b \\ \"q\" \n😀'),
(116,'row 116 it\'s ; a),(b \\ \"q\" \n😀'),
(117,'row 117 it\'s ; a),(b \\ \"q\" \n😀'),
(118,'row 118 it\'s ; a),(b \\ \"q\" \n😀'),
(119,'row 119 it\'s ; a),(b \\ \"q\" \n😀'),
(120,'row 120 it\'s ; a),(b \\ \"q\" \n😀'),
(121,'row 121 it\'s ; a),(b \\ \"q\" \n😀'),
(122,'row 122 it\'s ; a),(b \\ \"q\" \n😀'),
(123,'row 123 it\'s ; a),(b \\ \"q\" \n😀'),
(124,'row 124 it\'s ; a),(b \\ \"q\" \n😀'),
(125,'row 125 it\'s ; a),(b \\ \"q\" \n😀'),
(126,'row 126 it\'s ; a),(b \\ \"q\" \n😀'),
(127,'row 127 it\'s ; a),(b \\ \"q\" \n😀'),
(128,'row 128 it\'s ; a),(b \\ \"q\" \n😀'),
(129,'row 129 it\'s ; a),(b \\ \"q\" \n😀'),
(130,'row 130 it\'s ; a),(b \\ \"q\" \n😀'),
(131,'row 131 it\'s ; a),(b \\ \"q\" \n😀'),
(132,'row 132 it\'s ; a),(b \\ \"q\" \n😀'),
(133,'row 133 it\'s ; a),(b \\ \"q\" \n😀'),
(134,'row 134 it\'s ; a),(b \\ \"q\" \n😀'),
(135,'row 135 it\'s ; a),(b \\ \"q\" \n😀'),
(136,'row 136 it\'s ; a),(b \\ \"q\" \n😀'),
(137,'row 137 it\'s ; a),(b \\ \"q\" \n😀'),
(138,'row 138 it\'s ; a),(b \\ \"q\" \n😀'),
(139,'row 139 it\'s ; a),(b \\ \"q\" \n😀'),
(140,'row 140 it\'s ; a),(b \\ \"q\" \n😀'),
(141,'row 141 it\'s ; a),(b \\ \"q\" \n😀'),
(142,'row 142 it\'s ; a),(b \\ \"q\" \n😀'),
(143,'row 143 it\'s ; a),(b \\ \"q\" \n😀'),
(144,'row 144 it\'s ; a),(b \\ \"q\" \n😀'),
(145,'row 145 it\'s ; a),(b \\ \"q\" \n😀'),
(146,'row 146 it\'s ; a),(b \\ \"q\" \n😀'),
(147,'row 147 it\'s ; a),(b \\ \"q\" \n😀'),
(148,'row 148 it\'s ; a),(b \\ \"q\" \n😀'),
(149,'row 149 it\'s ; a),(b \\ \"q\" \n😀'),
(150,'row 150 it\'s ; a),(b \\ \"q\" \n😀'),
(151,'row 151 it\'s ; a),(b \\ \"q\" \n😀'),
(152,'row 152 it\'s ; a),(b \\ \"q\" \n😀'),
(153,'row 153 it\'s ; a),(b \\ \"q\" \n😀'),
(154,'row 154 it\'s ; a),(b \\ \"q\" \n😀'),
(155,'row 155 it\'s ; a),(b \\ \"q\" \n😀'),
(156,'row 156 it\'s ; a),(b \\ \"q\" \n😀'),
(157,'row 157 it\'s ; a),(b \\ \"q\" \n😀'),
(158,'row 158 it\'s ; a),(b \\ \"q\" \n😀'),
(159,'row 159 it\'s ; a),(b \\ \"q\" \n😀'),
(160,'row 160 it\'s ; a),(b \\ \"q\" \n😀'),
(161,'row 161 it\'s ; a),(b \\ \"q\" \n😀'),
(162,'row 162 it\'s ; a),(b \\ \"q\" \n😀'),
(163,'row 163 it\'s ; a),(b \\ \"q\" \n😀'),
(164,'row 164 it\'s ; a),(b \\ \"q\" \n😀'),
(165,'row 165 it\'s ; a),(b \\ \"q\" \n😀'),
(166,'row 166 it\'s ; a),(b \\ \"q\" \n😀'),
(167,'row 167 it\'s ; a),(b \\ \"q\" \n😀'),
(168,'row 168 it\'s ; a),(b \\ \"q\" \n😀'),
(169,'row 169 it\'s ; a),(b \\ \"q\" \n😀'),
(170,'row 170 it\'s ; a),(b \\ \"q\" \n😀'),
(171,'row 171 it\'s ; a),(b \\ \"q\" \n😀'),
(172,'row 172 it\'s ; a),(b \\ \"q\" \n😀'),
(173,'row 173 it\'s ; a),(b \\ \"q\" \n😀'),
(174,'row 174 it\'s ; a),(b \\ \"q\" \n😀'),
(175,'row 175 it\'s ; a),(b \\ \"q\" \n😀'),
(176,'row 176 it\'s ; a),(b \\ \"q\" \n😀');
INSERT INTO `we``ird; name` VALUES
(177,'row 177 it\'s ; a),(b \\ \"q\" \n😀'),
(178,'row 178 it\'s ; a),(b \\ \"q\" \n😀'),
(179,'row 179 it\'s ; a),(b \\ \"q\" \n😀'),
(180,'row 180 it\'s ; a),(b \\ \"q\" \n😀'),
(181,'row 181 it\'s ; a),(b \\ \"q\" \n😀'),
(182,'row 182 it\'s ; a),(b \\ \"q\" \n😀'),
(183,'row 183 it\'s ; a),(b \\ \"q\" \n😀'),
(184,'row 184 it\'s ; a),(b \\ \"q\" \n😀'),
(185,'row 185 it\'s ; a),(b \\ \"q\" \n😀'),
(186,'row 186 it\'s ; a),(b \\ \"q\" \n😀'),
(187,'row 187 it\'s ; a),(b \\ \"q\" \n😀'),
(188,'row 188 it\'s ; a),(b \\ \"q\" \n😀'),
(189,'row 189 it\'s ; a),(b \\ \"q\" \n😀'),
(190,'row 190 it\'s ; a),(b \\ \"q\" \n😀'),
(191,'row 191 it\'s ; a),(b \\ \"q\" \n😀'),
(192,'row 192 it\'s ; a),(b \\ \"q\" \n😀'),
(193,'row 193 it\'s ; a),(b \\ \"q\" \n😀'),
(194,'row 194 it\'s ; a),(b \\ \"q\" \n😀'),
(195,'row 195 it\'s ; a),(b \\ \"q\" \n😀'),
(196,'row 196 it\'s ; a),(b \\ \"q\" \n😀'),
(197,'row 197 it\'s ; a),(b \\ \"q\" \n😀'),
(198,'row 198 it\'s ; a),(b \\ \"q\" \n😀'),
(199,'row 199 it\'s ; a),(b \\ \"q\" \n😀'),
(200,'row 200 it\'s ; a),(b \\ \"q\" \n😀'),
(201,'row 201 it\'s ; a),(b \\ \"q\" \n😀'),
(202,'row 202 it\'s ; a),(b \\ \"q\" \n😀'),
(203,'row 203 it\'s ; a),(b \\ \"q\" \n😀'),
(204,'row 204 it\'s ; a),(b \\ \"q\" \n😀'),
(205,'row 205 it\'s ; a),(b \\ \"q\" \n😀'),
(206,'row 206 it\'s ; a),(b \\ \"q\" \n😀'),
(207,'row 207 it\'s ; a),(b \\ \"q\" \n😀'),
(208,'row 208 it\'s ; a),(b \\ \"q\" \n😀'),
(209,'row 209 it\'s ; a),(b \\ \"q\" \n😀'),
(210,'row 210 it\'s ; a),(b \\ \"q\" \n😀'),
(211,'row 211 it\'s ; a),(b \\ \"q\" \n😀'),
(212,'row 212 it\'s ; a),(b \\ \"q\" \n😀'),
(213,'row 213 it\'s ; a),(b \\ \"q\" \n😀'),
(214,'row 214 it\'s ; a),(b \\ \"q\" \n😀'),
(215,'row 215 it\'s ; a),(b \\ \"q\" \n😀'),
(216,'row 216 it\'s ; a),(b \\ \"q\" \n😀'),
(217,'row 217 it\'s ; a),(b \\ \"q\" \n😀'),
(218,'row 218 it\'s ; a),(b \\ \"q\" \n😀'),
(219,'row 219 it\'s ; a),(b \\ \"q\" \n😀'),
(220,'row 220 it\'s ; a),(b \\ \"q\" \n😀'),
(221,'row 221 it\'s ; a),(b \\ \"q\" \n😀'),
(222,'row 222 it\'s ; a),(b \\ \"q\" \n😀'),
(223,'row 223 it\'s ; a),(b \\ \"q\" \n😀'),
(224,'row 224 it\'s ; a),(b \\ \"q\" \n😀'),
(225,'row 225 it\'s ; a),(b \\ \"q\" \n😀'),
(226,'row 226 it\'s ; a),(b \\ \"q\" \n😀'),
(227,'row 227 it\'s ; a),(b \\ \"q\" \n😀'),
(228,'row 228 it\'s ; a),(b \\ \"q\" \n😀'),
(229,'row 229 it\'s ; a),(b \\ \"q\" \n😀'),
(230,'row 230 it\'s ; a),(b \\ \"q\" \n😀'),
(231,'row 231 it\'s ; a),(b \\ \"q\" \n😀'),
(232,'row 232 it\'s ; a),(b \\ \"q\" \n😀'),
(233,'row 233 it\'s ; a),(b \\ \"q\" \n😀'),
(234,'row 234 it\'s ; a),(b \\ \"q\" \n😀'),
(235,'row 235 it\'s ; a),(b \\ \"q\" \n😀'),
(236,'row 236 it\'s ; a),(b \\ \"q\" \n😀'),
(237,'row 237 it\'s ; a),(b \\ \"q\" \n😀'),
(238,'row 238 it\'s ; a),(b \\ \"q\" \n😀'),
(239,'row 239 it\'s ; a),(b \\ \"q\" \n😀'),
(240,'row 240 it\'s ; a),(b \\ \"q\" \n😀'),
(241,'row 241 it\'s ; a),(b \\ \"q\" \n😀'),
(242,'row 242 it\'s ; a),(b \\ \"q\" \n😀'),
(243,'row 243 it\'s ; a),(b \\ \"q\" \n😀'),
(244,'row 244 it\'s ; a),(b \\ \"q\" \n😀'),
(245,'row 245 it\'s ; a),(b \\ \"q\" \n😀'),
(246,'row 246 it\'s ; a),(b \\ \"q\" \n😀'),
(247,'row 247 it\'s ; a),(b \\ \"q\" \n😀'),
(248,'row 248 it\'s ; a),(b \\ \"q\" \n😀'),
(249,'row 249 it\'s ; a),(b \\ \"q\" \n😀'),
(250,'row 250 it\'s ; a),(b \\ \"q\" \n😀'),
(251,'row 251 it\'s ; a),(b \\ \"q\" \n😀'),
(252,'row 252 it\'s ; a),(b \\ \"q\" \n😀'),
(253,'row 253 it\'s ; a),(b \\ \"q\" \n😀'),
(254,'row 254 it\'s ; a),(b \\ \"q\" \n😀'),
(255,'row 255 it\'s ; a),(b \\ \"q\" \n😀'),
(256,'row 256 it\'s ; a),(b \\ \"q\" \n😀'),
(257,'row 257 it\'s ; a),(b \\ \"q\" \n😀'),
(258,'row 258 it\'s ; a),(b \\ \"q\" \n😀'),
(259,'row 259 it\'s ; a),(b \\ \"q\" \n😀'),
(260,'row 260 it\'s ; a),(b \\ \"q\" \n😀'),
(261,'row 261 it\'s ; a),(b \\ \"q\" \n😀'),
(262,'row 262 it\'s ; a),(b \\ \"q\" \n😀');
INSERT INTO `we``ird; name` VALUES
(263,'row 263 it\'s ; a),(b \\ \"q\" \n😀'),
(264,'row 264 it\'s ; a),(b \\ \"q\" \n😀'),
(265,'row 265 it\'s ; a),(b \\ \"q\" \n😀'),
(266,'row 266 it\'s ; a),(b \\ \"q\" \n😀'),
(267,'row 267 it\'s ; a),(b \\ \"q\" \n😀'),
(268,'row 268 it\'s ; a),(b \\ \"q\" \n😀'),
(269,'row 269 it\'s ; a),(b \\ \"q\" \n😀'),
(270,'row 270 it\'s ; a),(b \\ \"q\" \n😀'),
(271,'row 271 it\'s ; a),(b \\ \"q\" \n😀'),
(272,'row 272 it\'s ; a),(b \\ \"q\" \n😀'),
(273,'row 273 it\'s ; a),(b \\ \"q\" \n😀'),
(274,'row 274 it\'s ; a),(b \\ \"q\" \n😀'),
(275,'row 275 it\'s ; a),(b \\ \"q\" \n😀'),
(276,'row 276 it\'s ; a),(b \\ \"q\" \n😀'),
(277,'row 277 it\'s ; a),(b \\ \"q\" \n😀'),
(278,'row 278 it\'s ; a),(b \\ \"q\" \n😀'),
(279,'row 279 it\'s ; a),(b \\ \"q\" \n😀'),
(280,'row 280 it\'s ; a),(b \\ \"q\" \n😀'),
(281,'row 281 it\'s ; a),(b \\ \"q\" \n😀'),
(282,'row 282 it\'s ; a),(b \\ \"q\" \n😀'),
(283,'row 283 it\'s ; a),(b \\ \"q\" \n😀'),
(284,'row 284 it\'s ; a),(b \\ \"q\" \n😀'),
(285,'row 285 it\'s ; a),(b \\ \"q\" \n😀'),
(286,'row 286 it\'s ; a),(b \\ \"q\" \n😀'),
(287,'row 287 it\'s ; a),(b \\ \"q\" \n😀'),
(288,'row 288 it\'s ; a),(b \\ \"q\" \n😀'),
(289,'row 289 it\'s ; a),(b \\ \"q\" \n😀'),
(290,'row 290 it\'s ; a),(b \\ \"q\" \n😀'),
(291,'row 291 it\'s ; a),(b \\ \"q\" \n😀'),
(292,'row 292 it\'s ; a),(b \\ \"q\" \n😀'),
(293,'row 293 it\'s ; a),(b \\ \"q\" \n😀'),
(294,'row 294 it\'s ; a),(b \\ \"q\" \n😀'),
(295,'row 295 it\'s ; a),(b \\ \"q\" \n😀'),
(296,'row 296 it\'s ; a),(b \\ \"q\" \n😀'),
(297,'row 297 it\'s ; a),(b \\ \"q\" \n😀'),
(298,'row 298 it\'s ; a),(b \\ \"q\" \n😀'),
(299,'row 299 it\'s ; a),(b \\ \"q\" \n😀'),
(300,'row 300 it\'s ; a),(b \\ \"q\" \n😀'),
(301,'row 301 it\'s ; a),(b \\ \"q\" \n😀'),
(302,'row 302 it\'s ; a),(b \\ \"q\" \n😀'),
(303,'row 303 it\'s ; a),(b \\ \"q\" \n😀'),
(304,'row 304 it\'s ; a),(b \\ \"q\" \n😀'),
(305,'row 305 it\'s ; a),(b \\ \"q\" \n😀'),
(306,'row 306 it\'s ; a),(b \\ \"q\" \n😀'),
(307,'row 307 it\'s ; a),(b \\ \"q\" \n😀'),
(308,'row 308 it\'s ; a),(b \\ \"q\" \n😀'),
(309,'row 309 it\'s ; a),(b \\ \"q\" \n😀'),
(310,'row 310 it\'s ; a),(b \\ \"q\" \n😀'),
(311,'row 311 it\'s ; a),(b \\ \"q\" \n😀'),
(312,'row 312 it\'s ; a),(b \\ \"q\" \n😀'),
(313,'row 313 it\'s ; a),(b \\ \"q\" \n😀'),
(314,'row 314 it\'s ; a),(b \\ \"q\" \n😀'),
(315,'row 315 it\'s ; a),(b \\ \"q\" \n😀'),
(316,'row 316 it\'s ; a),(b \\ \"q\" \n😀'),
(317,'row 317 it\'s ; a),(b \\ \"q\" \n😀'),
(318,'row 318 it\'s ; a),(b \\ \"q\" \n😀'),
(319,'row 319 it\'s ; a),(b \\ \"q\" \n😀'),
(320,'row 320 it\'s ; a),(b \\ \"q\" \n😀'),
(321,'row 321 it\'s ; a),(b \\ \"q\" \n😀'),
(322,'row 322 it\'s ; a),(b \\ \"q\" \n😀'),
(323,'row 323 it\'s ; a),(b \\ \"q\" \n😀'),
(324,'row 324 it\'s ; a),(b \\ \"q\" \n😀'),
(325,'row 325 it\'s ; a),(b \\ \"q\" \n😀'),
(326,'row 326 it\'s ; a),(b \\ \"q\" \n😀'),
(327,'row 327 it\'s ; a),(b \\ \"q\" \n😀'),
(328,'row 328 it\'s ; a),(b \\ \"q\" \n😀'),
(329,'row 329 it\'s ; a),(b \\ \"q\" \n😀'),
(330,'row 330 it\'s ; a),(b \\ \"q\" \n😀'),
(331,'row 331 it\'s ; a),(b \\ \"q\" \n😀'),
(332,'row 332 it\'s ; a),(b \\ \"q\" \n😀'),
(333,'row 333 it\'s ; a),(b \\ \"q\" \n😀'),
(334,'row 334 it\'s ; a),(b \\ \"q\" \n😀'),
(335,'row 335 it\'s ; a),(b \\ \"q\" \n😀'),
(336,'row 336 it\'s ; a),(b \\ \"q\" \n😀'),
(337,'row 337 it\'s ; a),(b \\ \"q\" \n😀'),
(338,'row 338 it\'s ; a),(b \\ \"q\" \n😀'),
(339,'row 339 it\'s ; a),(b \\ \"q\" \n😀'),
(340,'row 340 it\'s ; a),(b \\ \"q\" \n😀'),
(341,'row 341 it\'s ; a),(b \\ \"q\" \n😀'),
(342,'row 342 it\'s ; a),(b \\ \"q\" \n😀'),
(343,'row 343 it\'s ; a),(b \\ \"q\" \n😀'),
(344,'row 344 it\'s ; a),(b \\ \"q\" \n😀'),
(345,'row 345 it\'s ; a),(b \\ \"q\" \n😀'),
(346,'row 346 it\'s ; a),(b \\ \"q\" \n😀'),
(347,'row 347 it\'s ; a),(b \\ \"q\" \n😀'),
(348,'row 348 it\'s ; a),(b \\ \"q\" \n😀');
INSERT INTO `we``ird; name` VALUES
(349,'row 349 it\'s ; a),(b \\ \"q\" \n😀'),
(350,'row 350 it\'s ; a),(b \\ \"q\" \n😀'),
(351,'row 351 it\'s ; a),(b \\ \"q\" \n😀'),
(352,'row 352 it\'s ; a),(b \\ \"q\" \n😀'),
(353,'row 353 it\'s ; a),(b \\ \"q\" \n😀'),
(354,'row 354 it\'s ; a),(b \\ \"q\" \n😀'),
(355,'row 355 it\'s ; a),(b \\ \"q\" \n😀'),
(356,'row 356 it\'s ; a),(b \\ \"q\" \n😀'),
(357,'row 357 it\'s ; a),(b \\ \"q\" \n😀'),
(358,'row 358 it\'s ; a),(b \\ \"q\" \n😀'),
(359,'row 359 it\'s ; a),(b \\ \"q\" \n😀'),
(360,'row 360 it\'s ; a),(b \\ \"q\" \n😀'),
(361,'row 361 it\'s ; a),(b \\ \"q\" \n😀'),
(362,'row 362 it\'s ; a),(b \\ \"q\" \n😀'),
(363,'row 363 it\'s ; a),(b \\ \"q\" \n😀'),
(364,'row 364 it\'s ; a),(b \\ \"q\" \n😀'),
(365,'row 365 it\'s ; a),(b \\ \"q\" \n😀'),
(366,'row 366 it\'s ; a),(b \\ \"q\" \n😀'),
(367,'row 367 it\'s ; a),(b \\ \"q\" \n😀'),
(368,'row 368 it\'s ; a),(b \\ \"q\" \n😀'),
(369,'row 369 it\'s ; a),(b \\ \"q\" \n😀'),
(370,'row 370 it\'s ; a),(b \\ \"q\" \n😀'),
(371,'row 371 it\'s ; a),(b \\ \"q\" \n😀'),
(372,'row 372 it\'s ; a),(b \\ \"q\" \n😀'),
(373,'row 373 it\'s ; a),(b \\ \"q\" \n😀'),
(374,'row 374 it\'s ; a),(b \\ \"q\" \n😀'),
(375,'row 375 it\'s ; a),(b \\ \"q\" \n😀'),
(376,'row 376 it\'s ; a),(b \\ \"q\" \n😀'),
(377,'row 377 it\'s ; a),(b \\ \"q\" \n😀'),
(378,'row 378 it\'s ; a),(b \\ \"q\" \n😀'),
(379,'row 379 it\'s ; a),(b \\ \"q\" \n😀'),
(380,'row 380 it\'s ; a),(b \\ \"q\" \n😀'),
(381,'row 381 it\'s ; a),(b \\ \"q\" \n😀'),
(382,'row 382 it\'s ; a),(b \\ \"q\" \n😀'),
(383,'row 383 it\'s ; a),(b \\ \"q\" \n😀'),
(384,'row 384 it\'s ; a),(b \\ \"q\" \n😀'),
(385,'row 385 it\'s ; a),(b \\ \"q\" \n😀'),
(386,'row 386 it\'s ; a),(b \\ \"q\" \n😀'),
(387,'row 387 it\'s ; a),(b \\ \"q\" \n😀'),
(388,'row 388 it\'s ; a),(b \\ \"q\" \n😀'),
(389,'row 389 it\'s ; a),(b \\ \"q\" \n😀'),
(390,'row 390 it\'s ; a),(b \\ \"q\" \n😀'),
(391,'row 391 it\'s ; a),(b \\ \"q\" \n😀'),
(392,'row 392 it\'s ; a),(b \\ \"q\" \n😀'),
(393,'row 393 it\'s ; a),(b \\ \"q\" \n😀'),
(394,'row 394 it\'s ; a),(b \\ \"q\" \n😀'),
(395,'row 395 it\'s ; a),(b \\ \"q\" \n😀'),
(396,'row 396 it\'s ; a),(b \\ \"q\" \n😀'),
(397,'row 397 it\'s ; a),(b \\ \"q\" \n😀'),
(398,'row 398 it\'s ; a),(b \\ \"q\" \n😀'),
(399,'row 399 it\'s ; a),(b \\ \"q\" \n😀'),
(400,'row 400 it\'s ; a),(b \\ \"q\" \n😀'),
(401,'row 401 it\'s ; a),(b \\ \"q\" \n😀'),
(402,'row 402 it\'s ; a),(b \\ \"q\" \n😀'),
(403,'row 403 it\'s ; a),(b \\ \"q\" \n😀'),
(404,'row 404 it\'s ; a),(b \\ \"q\" \n😀'),
(405,'row 405 it\'s ; a),(b \\ \"q\" \n😀'),
(406,'row 406 it\'s ; a),(b \\ \"q\" \n😀'),
(407,'row 407 it\'s ; a),(b \\ \"q\" \n😀'),
(408,'row 408 it\'s ; a),(b \\ \"q\" \n😀'),
(409,'row 409 it\'s ; a),(b \\ \"q\" \n😀'),
(410,'row 410 it\'s ; a),(b \\ \"q\" \n😀'),
(411,'row 411 it\'s ; a),(b \\ \"q\" \n😀'),
(412,'row 412 it\'s ; a),(b \\ \"q\" \n😀'),
(413,'row 413 it\'s ; a),(b \\ \"q\" \n😀'),
(414,'row 414 it\'s ; a),(b \\ \"q\" \n😀'),
(415,'row 415 it\'s ; a),(b \\ \"q\" \n😀'),
(416,'row 416 it\'s ; a),(b \\ \"q\" \n😀'),
(417,'row 417 it\'s ; a),(b \\ \"q\" \n😀'),
(418,'row 418 it\'s ; a),(b \\ \"q\" \n😀'),
(419,'row 419 it\'s ; a),(b \\ \"q\" \n😀'),
(420,'row 420 it\'s ; a),(b \\ \"q\" \n😀'),
(421,'row 421 it\'s ; a),(b \\ \"q\" \n😀'),
(422,'row 422 it\'s ; a),(b \\ \"q\" \n😀'),
(423,'row 423 it\'s ; a),(b \\ \"q\" \n😀'),
(424,'row 424 it\'s ; a),(b \\ \"q\" \n😀'),
(425,'row 425 it\'s ; a),(b \\ \"q\" \n😀'),
(426,'row 426 it\'s ; a),(b \\ \"q\" \n😀'),
(427,'row 427 it\'s ; a),(b \\ \"q\" \n😀'),
(428,'row 428 it\'s ; a),(b \\ \"q\" \n😀'),
(429,'row 429 it\'s ; a),(b \\ \"q\" \n😀'),
(430,'row 430 it\'s ; a),(b \\ \"q\" \n😀'),
(431,'row 431 it\'s ; a),(b \\ \"q\" \n😀'),
(432,'row 432 it\'s ; a),(b \\ \"q\" \n😀'),
(433,'row 433 it\'s ; a),(b \\ \"q\" \n😀'),
(434,'row 434 it\'s ; a),(b \\ \"q\" \n😀');
INSERT INTO `we``ird; name` VALUES
(435,'row 435 it\'s ; a),(b \\ \"q\" \n😀'),
(436,'row 436 it\'s ; a),(b \\ \"q\" \n😀'),
(437,'row 437 it\'s ; a),(b \\ \"q\" \n😀'),
(438,'row 438 it\'s ; a),(b \\ \"q\" \n😀'),
(439,'row 439 it\'s ; a),(b \\ \"q\" \n😀'),
(440,'row 440 it\'s ; a),(b \\ \"q\" \n😀'),
(441,'row 441 it\'s ; a),(b \\ \"q\" \n😀'),
(442,'row 442 it\'s ; a),(b \\ \"q\" \n😀'),
(443,'row 443 it\'s ; a),(b \\ \"q\" \n😀'),
(444,'row 444 it\'s ; a),(b \\ \"q\" \n😀'),
(445,'row 445 it\'s ; a),(b \\ \"q\" \n😀'),
(446,'row 446 it\'s ; a),(b \\ \"q\" \n😀'),
(447,'row 447 it\'s ; a),(b \\ \"q\" \n😀'),
(448,'row 448 it\'s ; a),(b \\ \"q\" \n😀'),
(449,'row 449 it\'s ; a),(b \\ \"q\" \n😀'),
(450,'row 450 it\'s ; a),(b \\ \"q\" \n😀'),
(451,'row 451 it\'s ; a),(b \\ \"q\" \n😀'),
(452,'row 452 it\'s ; a),(b \\ \"q\" \n😀'),
(453,'row 453 it\'s ; a),(b \\ \"q\" \n😀'),
(454,'row 454 it\'s ; a),(b \\ \"q\" \n😀'),
(455,'row 455 it\'s ; a),(b \\ \"q\" \n😀'),
(456,'row 456 it\'s ; a),(b \\ \"q\" \n😀'),
(457,'row 457 it\'s ; a),(b \\ \"q\" \n😀'),
(458,'row 458 it\'s ; a),(b \\ \"q\" \n😀'),
(459,'row 459 it\'s ; a),(b \\ \"q\" \n😀'),
(460,'row 460 it\'s ; a),(b \\ \"q\" \n😀'),
(461,'row 461 it\'s ; a),(b \\ \"q\" \n😀'),
(462,'row 462 it\'s ; a),(b \\ \"q\" \n😀'),
(463,'row 463 it\'s ; a),(b \\ \"q\" \n😀'),
(464,'row 464 it\'s ; a),(b \\ \"q\" \n😀'),
(465,'row 465 it\'s ; a),(b \\ \"q\" \n😀'),
(466,'row 466 it\'s ; a),(b \\ \"q\" \n😀'),
(467,'row 467 it\'s ; a),(b \\ \"q\" \n😀'),
(468,'row 468 it\'s ; a),(b \\ \"q\" \n😀'),
(469,'row 469 it\'s ; a),(b \\ \"q\" \n😀'),
(470,'row 470 it\'s ; a),(b \\ \"q\" \n😀'),
(471,'row 471 it\'s ; a),(b \\ \"q\" \n😀'),
(472,'row 472 it\'s ; a),(b \\ \"q\" \n😀'),
(473,'row 473 it\'s ; a),(b \\ \"q\" \n😀'),
(474,'row 474 it\'s ; a),(b \\ \"q\" \n😀'),
(475,'row 475 it\'s ; a),(b \\ \"q\" \n😀'),
(476,'row 476 it\'s ; a),(b \\ \"q\" \n😀'),
(477,'row 477 it\'s ; a),(b \\ \"q\" \n😀'),
(478,'row 478 it\'s ; a),(b \\ \"q\" \n😀'),
(479,'row 479 it\'s ; a),(b \\ \"q\" \n😀'),
(480,'row 480 it\'s ; a),(b \\ \"q\" \n😀'),
(481,'row 481 it\'s ; a),(b \\ \"q\" \n😀'),
(482,'row 482 it\'s ; a),(b \\ \"q\" \n😀'),
(483,'row 483 it\'s ; a),(b \\ \"q\" \n😀'),
(484,'row 484 it\'s ; a),(b \\ \"q\" \n😀'),
(485,'row 485 it\'s ; a),(b \\ \"q\" \n😀'),
(486,'row 486 it\'s ; a),(b \\ \"q\" \n😀'),
(487,'row 487 it\'s ; a),(b \\ \"q\" \n😀'),
(488,'row 488 it\'s ; a),(b \\ \"q\" \n😀'),
(489,'row 489 it\'s ; a),(b \\ \"q\" \n😀'),
(490,'row 490 it\'s ; a),(b \\ \"q\" \n😀'),
(491,'row 491 it\'s ; a),(b \\ \"q\" \n😀'),
(492,'row 492 it\'s ; a),(b \\ \"q\" \n😀'),
(493,'row 493 it\'s ; a),(b \\ \"q\" \n😀'),
(494,'row 494 it\'s ; a),(b \\ \"q\" \n😀'),
(495,'row 495 it\'s ; a),(b \\ \"q\" \n😀'),
(496,'row 496 it\'s ; a),(b \\ \"q\" \n😀'),
(497,'row 497 it\'s ; a),(b \\ \"q\" \n😀'),
(498,'row 498 it\'s ; a),(b \\ \"q\" \n😀'),
(499,'row 499 it\'s ; a),(b \\ \"q\" \n😀'),
(500,'row 500 it\'s ; a),(b \\ \"q\" \n😀');
/*!40000 ALTER TABLE `we``ird; name` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `Ünïcode`
--

DROP TABLE IF EXISTS `Ünïcode`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `Ünïcode` (
  `t` varchar(20) DEFAULT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `Ünïcode`
--

LOCK TABLES `Ünïcode` WRITE;
/*!40000 ALTER TABLE `Ünïcode` DISABLE KEYS */;
INSERT INTO `Ünïcode` VALUES
('ä'),
('/* not a comment */'),
('-- nor this'),
('# nor this'),
('DELIMITER ;;');
/*!40000 ALTER TABLE `Ünïcode` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Dumping events for database 'zz_explore'
--
/*!50106 SET @save_time_zone= @@TIME_ZONE */ ;
/*!50106 DROP EVENT IF EXISTS `ev1` */;
DELIMITER ;;
/*!50003 SET @saved_cs_client      = @@character_set_client */ ;;
/*!50003 SET @saved_cs_results     = @@character_set_results */ ;;
/*!50003 SET @saved_col_connection = @@collation_connection */ ;;
/*!50003 SET character_set_client  = utf8mb3 */ ;;
/*!50003 SET character_set_results = utf8mb3 */ ;;
/*!50003 SET collation_connection  = utf8mb3_general_ci */ ;;
/*!50003 SET @saved_sql_mode       = @@sql_mode */ ;;
/*!50003 SET sql_mode              = 'STRICT_TRANS_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_AUTO_CREATE_USER,NO_ENGINE_SUBSTITUTION' */ ;;
/*!50003 SET @saved_time_zone      = @@time_zone */ ;;
/*!50003 SET time_zone             = 'SYSTEM' */ ;;
/*!50106 CREATE*/ /*!50117 DEFINER=`root`@`localhost`*/ /*!50106 EVENT `ev1` ON SCHEDULE EVERY 1 DAY STARTS '2026-12-01 16:14:57' ON COMPLETION NOT PRESERVE DISABLE DO INSERT INTO empty_t VALUES (3) 
*/ ;;
/*!50003 SET time_zone             = @saved_time_zone */ ;;
/*!50003 SET sql_mode              = @saved_sql_mode */ ;;
/*!50003 SET character_set_client  = @saved_cs_client */ ;;
/*!50003 SET character_set_results = @saved_cs_results */ ;;
/*!50003 SET collation_connection  = @saved_col_connection */ ;;
DELIMITER ;
/*!50106 SET TIME_ZONE= @save_time_zone */ ;

--
-- Dumping routines for database 'zz_explore'
--
/*!50003 SET @saved_sql_mode       = @@sql_mode */ ;
/*!50003 SET sql_mode              = 'STRICT_TRANS_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_AUTO_CREATE_USER,NO_ENGINE_SUBSTITUTION' */ ;
/*!50003 DROP FUNCTION IF EXISTS `f1` */;
/*!50003 SET @saved_cs_client      = @@character_set_client */ ;
/*!50003 SET @saved_cs_results     = @@character_set_results */ ;
/*!50003 SET @saved_col_connection = @@collation_connection */ ;
/*!50003 SET character_set_client  = utf8mb3 */ ;
/*!50003 SET character_set_results = utf8mb3 */ ;
/*!50003 SET collation_connection  = utf8mb3_general_ci */ ;
DELIMITER ;;
CREATE DEFINER=`root`@`localhost` FUNCTION `f1`(x INT) RETURNS int(11)
    DETERMINISTIC
RETURN x + 1
;;
DELIMITER ;
/*!50003 SET sql_mode              = @saved_sql_mode */ ;
/*!50003 SET character_set_client  = @saved_cs_client */ ;
/*!50003 SET character_set_results = @saved_cs_results */ ;
/*!50003 SET collation_connection  = @saved_col_connection */ ;
/*!50003 SET @saved_sql_mode       = @@sql_mode */ ;
/*!50003 SET sql_mode              = 'STRICT_TRANS_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_AUTO_CREATE_USER,NO_ENGINE_SUBSTITUTION' */ ;
/*!50003 DROP PROCEDURE IF EXISTS `p1` */;
/*!50003 SET @saved_cs_client      = @@character_set_client */ ;
/*!50003 SET @saved_cs_results     = @@character_set_results */ ;
/*!50003 SET @saved_col_connection = @@collation_connection */ ;
/*!50003 SET character_set_client  = utf8mb3 */ ;
/*!50003 SET character_set_results = utf8mb3 */ ;
/*!50003 SET collation_connection  = utf8mb3_general_ci */ ;
DELIMITER ;;
CREATE DEFINER=`root`@`localhost` PROCEDURE `p1`()
BEGIN INSERT INTO empty_t VALUES (1),(2); END
;;
DELIMITER ;
/*!50003 SET sql_mode              = @saved_sql_mode */ ;
/*!50003 SET character_set_client  = @saved_cs_client */ ;
/*!50003 SET character_set_results = @saved_cs_results */ ;
/*!50003 SET collation_connection  = @saved_col_connection */ ;

--
-- Final view structure for view `v`
--

/*!50001 DROP VIEW IF EXISTS `v`*/;
/*!50001 SET @saved_cs_client          = @@character_set_client */;
/*!50001 SET @saved_cs_results         = @@character_set_results */;
/*!50001 SET @saved_col_connection     = @@collation_connection */;
/*!50001 SET character_set_client      = utf8mb3 */;
/*!50001 SET character_set_results     = utf8mb3 */;
/*!50001 SET collation_connection      = utf8mb3_general_ci */;
/*!50001 CREATE ALGORITHM=UNDEFINED */
/*!50013 DEFINER=`root`@`localhost` SQL SECURITY DEFINER */
/*!50001 VIEW `v` AS select `a`.`id` AS `id`,`a`.`s` AS `s` from `a` */;
/*!50001 SET character_set_client      = @saved_cs_client */;
/*!50001 SET character_set_results     = @saved_cs_results */;
/*!50001 SET collation_connection      = @saved_col_connection */;
/*!40103 SET TIME_ZONE=@OLD_TIME_ZONE */;

/*!40101 SET SQL_MODE=@OLD_SQL_MODE */;
/*!40014 SET FOREIGN_KEY_CHECKS=@OLD_FOREIGN_KEY_CHECKS */;
/*!40014 SET UNIQUE_CHECKS=@OLD_UNIQUE_CHECKS */;
/*!40101 SET CHARACTER_SET_CLIENT=@OLD_CHARACTER_SET_CLIENT */;
/*!40101 SET CHARACTER_SET_RESULTS=@OLD_CHARACTER_SET_RESULTS */;
/*!40101 SET COLLATION_CONNECTION=@OLD_COLLATION_CONNECTION */;
/*!40111 SET SQL_NOTES=@OLD_SQL_NOTES */;

-- Dump completed on 2026-12-01 16:20:14
